// SPDX-License-Identifier: MIT
// A stand-in for trove-decode (app/decodehelper): reads the image on stdin
// like the real one, then does what TROVE_FAKE_DECODE says: "crash"
// aborts, "hang" sleeps for an hour (the parent must kill it), "garbage"
// answers with bytes that are no image. Test-only; never installed.

#include <cstdlib>
#include <cstring>
#include <unistd.h>

int main()
{
    char buffer[65536];
    while (::read(STDIN_FILENO, buffer, sizeof buffer) > 0) { }
    const char *mode = std::getenv("TROVE_FAKE_DECODE");
    if (mode && std::strcmp(mode, "crash") == 0)
        std::abort();
    if (mode && std::strcmp(mode, "hang") == 0) {
        for (;;)
            ::sleep(3600);
    }
    if (mode && std::strcmp(mode, "garbage") == 0) {
        // The magic, then a "width" and "height" of 0x78787878, and no pixels.
        const char junk[] = "TRV1xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx";
        return ::write(STDOUT_FILENO, junk, sizeof junk) == sizeof junk ? 0 : 1;
    }
    return 1;
}
