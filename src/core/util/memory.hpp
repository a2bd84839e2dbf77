#pragma once
// Giving memory back to the system after a large piece of work.

namespace samtryg {

// Returns the memory the allocator holds free to the operating system: tcmalloc's when the
// program runs with it (the server does), glibc's otherwise. Costs a few milliseconds: for
// after large work (an upload of a big table), not for every request.
void return_free_memory();

}  // namespace samtryg
