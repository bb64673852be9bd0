// The preview page has no Office runtime, so it provides the part of Excel's CustomFunctions global that the PB
// functions use: the Error object they return (a code and a message) and the error codes. associate() is called
// by the lines the webpack build appends to functions.ts; the preview finds each function from the same generated
// metadata instead (customFunctionLibrary), so here it does nothing. Import this before anything that imports
// the functions. Reference: https://learn.microsoft.com/javascript/api/custom-functions-runtime/customfunctions.error
class CustomFunctionsError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}

Object.assign(globalThis, {
  CustomFunctions: {
    Error: CustomFunctionsError,
    ErrorCode: {
      invalidValue: "#VALUE!",
      notAvailable: "#N/A",
      divisionByZero: "#DIV/0!",
      invalidNumber: "#NUM!",
      nullReference: "#NULL!",
      invalidName: "#NAME?",
      invalidReference: "#REF!",
    },
    associate: () => undefined,
  },
});

export {};
