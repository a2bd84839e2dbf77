#pragma once

namespace samtryg::app {

// Exit codes: 0 done; 1 failed at run time (database unreachable, port in use, …);
// 2 bad input (unknown option, malformed URL, unreadable or invalid configuration).
int run_cli(int argc, char** argv, char** environment);

}  // namespace samtryg::app
