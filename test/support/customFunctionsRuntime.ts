// Excel's custom-functions runtime provides the CustomFunctions global; outside Excel the tests use the same
// stand-in the browser preview does: the Error class and the ErrorCode values the functions use.
import "../../src/preview/customFunctionsRuntime";
