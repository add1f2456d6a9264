/* fuzz_rules.c -- libFuzzer harness: loading (and scoring with) a rule file. */
#include "fuzz_targets.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  fuzz_rules(data, size);
  return 0;
}
