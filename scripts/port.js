// Choosing the dev server's port before starting it, so a port already in use gets a plain sentence, not
// webpack-dev-server's EADDRINUSE stack trace.
const net = require("node:net");

/** Whether a server could listen on `port` at `host` now (the dev server listens on localhost only). */
function portIsFree(port, host = "localhost") {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", (error) => {
      if (error.code === "EADDRINUSE" || error.code === "EACCES") resolve(false);
      else reject(error);
    });
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/**
 * The port to serve on: `wanted` if it is free; otherwise, when the caller may move (the browser preview), the
 * next free port among the following `tries`. { port: undefined } when there is none the caller may use.
 */
async function choosePort(wanted, { canMove, host = "localhost", tries = 20 }) {
  if (await portIsFree(wanted, host)) return { port: wanted, moved: false };
  if (!canMove) return { port: undefined, moved: false };
  for (let port = wanted + 1; port <= Math.min(wanted + tries, 65535); port++) {
    if (await portIsFree(port, host)) return { port, moved: true };
  }
  return { port: undefined, moved: false };
}

module.exports = { portIsFree, choosePort };
