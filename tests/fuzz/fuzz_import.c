/* fuzz_import.c -- libFuzzer harness: fact import (JSON, CSV and XLSX). */
#include "fuzz_targets.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  fuzz_import(data, size);
  return 0;
}
