// libFuzzer's driver, from the toolchain's runtime (linked by `-sanitize=fuzzer`). A fuzz target calls it from its
// own `main`, because SwiftPM gives every executable target a `main` of its own.
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
