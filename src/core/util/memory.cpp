#include "core/util/memory.hpp"

#include <dlfcn.h>
#include <malloc.h>

namespace samtryg {

void return_free_memory() {
  // Looked up at run time: only the server executable links tcmalloc, the tests do not.
  using Release = void (*)();
  static const auto tcmalloc_release =
      reinterpret_cast<Release>(dlsym(RTLD_DEFAULT, "MallocExtension_ReleaseFreeMemory"));
  if (tcmalloc_release != nullptr) {
    tcmalloc_release();
  } else {
    malloc_trim(0);
  }
}

}  // namespace samtryg
