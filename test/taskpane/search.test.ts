// Finding a person by typing (issue 21 §1, §2): case, accents and apostrophe style ignored, any part of the text.
import { matchingIndices, searchKey } from "../../src/taskpane/state/search";

describe("searching a list by typing", () => {
  const people = ["P001 Margaret Ellis", "P013 Liam O’Connor", "P014 Zoë Hughes", "P015 Sean O'Brien"].map(searchKey);

  it("ignores case, accents and the style of apostrophe", () => {
    expect(matchingIndices(people, "o'connor")).toEqual([1]); // straight finds curly
    expect(matchingIndices([searchKey("O'Connor")], "O’CONNOR")).toEqual([0]); // curly finds straight
    expect(matchingIndices(people, "Zoe")).toEqual([2]);
    expect(matchingIndices(people, "zoë")).toEqual([2]);
    expect(matchingIndices(people, "O‘Brien")).toEqual([3]);
  });

  it("finds any part of an ID or a name, every word typed", () => {
    expect(matchingIndices(people, "13")).toEqual([1]);
    expect(matchingIndices(people, "hughes p014")).toEqual([2]);
    expect(matchingIndices(people, "  ")).toEqual([0, 1, 2, 3]);
    expect(matchingIndices(people, "Okafor")).toEqual([]);
  });

  it("finds any one of 5,000 people by part of their ID or name", () => {
    const many = Array.from({ length: 5000 }, (_, n) =>
      searchKey(`P${String(n + 1).padStart(4, "0")} Person ${n + 1}`),
    );
    expect(matchingIndices(many, "P4321")).toEqual([4320]);
    expect(matchingIndices(many, "person 4999")).toEqual([4998]);
  });
});
