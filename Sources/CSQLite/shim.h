#ifndef BYLAW_CSQLITE_SHIM_H
#define BYLAW_CSQLITE_SHIM_H
#include <sqlite3.h>
#endif
