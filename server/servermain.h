#pragma once

namespace xueshi::server {

// The whole command line of xueshi-server: serving, and the administrator commands
// (`xueshi-server admin ...`). main() only calls this.
int serverMain(int argc, char *argv[]);

} // namespace xueshi::server
