/* TEST-ONLY stand-in for Windows' bcryptprimitives.dll, for Wine 8.0 (Debian
 * 12), which lacks it. Rust's standard library imports ProcessPrng from it;
 * without it the .exe exits with status 53 before main. Real Windows 10 and
 * 11 have the DLL: this file is built by tests/windows.rs into a Wine prefix
 * of the tests and is never shipped in a package. */
#include <windows.h>
#include <ntsecapi.h>

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len) {
    return RtlGenRandom(data, (ULONG)len);
}
