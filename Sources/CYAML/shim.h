#ifndef BYLAW_CYAML_SHIM_H
#define BYLAW_CYAML_SHIM_H
#include <yaml.h>
#endif
