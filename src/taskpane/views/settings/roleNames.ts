import { Role } from "../../../workbook/mapping/model";

/** Each of the add-in's tables in words, for the mapping step. */
export const ROLE_NAMES: Readonly<Record<Role, string>> = {
  Scoring: "Scoring sheet",
  PricePoints: "Price points",
  People: "People",
  Services: "Services catalogue",
};

/** "Scoring sheet (Scoring)"; "People" alone where the words are the table's name. */
export const roleTitle = (role: Role) => (ROLE_NAMES[role] === role ? role : `${ROLE_NAMES[role]} (${role})`);
