#ifndef BYLAW_CZSTD_SHIM_H
#define BYLAW_CZSTD_SHIM_H
#include <zstd.h>
#include <zdict.h>
#endif
