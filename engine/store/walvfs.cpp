// SPDX-License-Identifier: MIT
#include "store/walvfs.h"

#include <sqlite3.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <mutex>
#include <new>

namespace shardscope::store {
namespace {

constexpr int kFrameHeaderSize = 24;  // SQLite's WAL_FRAME_HDRSIZE

sqlite3_vfs* g_base = nullptr;
sqlite3_vfs g_vfs;

// A WAL file: ours first, the default VFS's file after it in the same allocation.
struct WalFile {
    sqlite3_file file;  // its pMethods are kWalMethods
    sqlite3_file* real = nullptr;
    bool held = false;
    sqlite3_int64 heldOffset = 0;
    // Where this WAL generation's frames end: only a header written there is a new frame's,
    // certain to be followed by its page. SQLite also rewrites headers in place (the checksums
    // of a transaction that rewrote pages it had spilled, up to its commit frame); no page
    // follows those, and a held commit header would be lost with the process.
    sqlite3_int64 end = 0;
    unsigned char header[kFrameHeaderSize] = {};
    unsigned char* scratch = nullptr;  // header + page, malloc'd
    int scratchSize = 0;

    ~WalFile() { std::free(scratch); }
    const sqlite3_io_methods& io() const { return *real->pMethods; }
    int flush() {
        if (!held) return SQLITE_OK;
        held = false;
        const int rc = io().xWrite(real, header, kFrameHeaderSize, heldOffset);
        if (rc == SQLITE_OK) wrote(heldOffset, kFrameHeaderSize);
        return rc;
    }
    void wrote(sqlite3_int64 offset, int amount) {
        // The WAL header (at 0) begins a new generation: frames past it are the old one's.
        end = offset == 0 ? amount : std::max(end, offset + amount);
    }
};

constexpr int kRealOffset = int((sizeof(WalFile) + 15) / 16 * 16);

WalFile* wal(sqlite3_file* f) {
    return reinterpret_cast<WalFile*>(f);
}

int walClose(sqlite3_file* f) {
    WalFile* w = wal(f);
    const int flushed = w->flush();
    const int closed = w->real->pMethods ? w->io().xClose(w->real) : SQLITE_OK;
    w->~WalFile();
    return flushed != SQLITE_OK ? flushed : closed;
}

int walRead(sqlite3_file* f, void* buffer, int amount, sqlite3_int64 offset) {
    WalFile* w = wal(f);
    if (const int rc = w->flush(); rc != SQLITE_OK) return rc;
    return w->io().xRead(w->real, buffer, amount, offset);
}

int walWrite(sqlite3_file* f, const void* buffer, int amount, sqlite3_int64 offset) {
    WalFile* w = wal(f);
    if (w->held && offset == w->heldOffset + kFrameHeaderSize) {
        const int total = kFrameHeaderSize + amount;
        if (total > w->scratchSize) {
            auto* grown = static_cast<unsigned char*>(std::realloc(w->scratch, size_t(total)));
            if (!grown) return SQLITE_NOMEM;
            w->scratch = grown;
            w->scratchSize = total;
        }
        std::memcpy(w->scratch, w->header, kFrameHeaderSize);
        std::memcpy(w->scratch + kFrameHeaderSize, buffer, size_t(amount));
        w->held = false;
        const int rc = w->io().xWrite(w->real, w->scratch, total, w->heldOffset);
        if (rc == SQLITE_OK) w->wrote(w->heldOffset, total);
        return rc;
    }
    if (const int rc = w->flush(); rc != SQLITE_OK) return rc;
    if (amount == kFrameHeaderSize && offset >= w->end) {
        std::memcpy(w->header, buffer, kFrameHeaderSize);
        w->heldOffset = offset;
        w->held = true;
        return SQLITE_OK;
    }
    const int rc = w->io().xWrite(w->real, buffer, amount, offset);
    if (rc == SQLITE_OK) w->wrote(offset, amount);
    return rc;
}

int walTruncate(sqlite3_file* f, sqlite3_int64 size) {
    WalFile* w = wal(f);
    if (const int rc = w->flush(); rc != SQLITE_OK) return rc;
    const int rc = w->io().xTruncate(w->real, size);
    if (rc == SQLITE_OK) w->end = std::min(w->end, size);
    return rc;
}

int walSync(sqlite3_file* f, int flags) {
    WalFile* w = wal(f);
    if (const int rc = w->flush(); rc != SQLITE_OK) return rc;
    return w->io().xSync(w->real, flags);
}

int walFileSize(sqlite3_file* f, sqlite3_int64* size) {
    WalFile* w = wal(f);
    if (const int rc = w->flush(); rc != SQLITE_OK) return rc;
    return w->io().xFileSize(w->real, size);
}

int walLock(sqlite3_file* f, int level) {
    WalFile* w = wal(f);
    if (const int rc = w->flush(); rc != SQLITE_OK) return rc;
    return w->io().xLock(w->real, level);
}

int walUnlock(sqlite3_file* f, int level) {
    WalFile* w = wal(f);
    if (const int rc = w->flush(); rc != SQLITE_OK) return rc;
    return w->io().xUnlock(w->real, level);
}

int walCheckReservedLock(sqlite3_file* f, int* out) {
    WalFile* w = wal(f);
    return w->io().xCheckReservedLock(w->real, out);
}

int walFileControl(sqlite3_file* f, int op, void* arg) {
    WalFile* w = wal(f);
    if (const int rc = w->flush(); rc != SQLITE_OK) return rc;
    return w->io().xFileControl(w->real, op, arg);
}

int walSectorSize(sqlite3_file* f) {
    WalFile* w = wal(f);
    return w->io().xSectorSize(w->real);
}

int walDeviceCharacteristics(sqlite3_file* f) {
    WalFile* w = wal(f);
    return w->io().xDeviceCharacteristics(w->real);
}

int walShmMap(sqlite3_file* f, int region, int size, int extend, void volatile** out) {
    WalFile* w = wal(f);
    if (w->io().iVersion < 2) return SQLITE_IOERR;
    return w->io().xShmMap(w->real, region, size, extend, out);
}

int walShmLock(sqlite3_file* f, int offset, int n, int flags) {
    WalFile* w = wal(f);
    if (w->io().iVersion < 2) return SQLITE_IOERR;
    return w->io().xShmLock(w->real, offset, n, flags);
}

void walShmBarrier(sqlite3_file* f) {
    WalFile* w = wal(f);
    if (w->io().iVersion >= 2) w->io().xShmBarrier(w->real);
}

int walShmUnmap(sqlite3_file* f, int deleteFlag) {
    WalFile* w = wal(f);
    if (w->io().iVersion < 2) return SQLITE_OK;
    return w->io().xShmUnmap(w->real, deleteFlag);
}

int walFetch(sqlite3_file* f, sqlite3_int64 offset, int amount, void** out) {
    WalFile* w = wal(f);
    if (const int rc = w->flush(); rc != SQLITE_OK) return rc;
    if (w->io().iVersion < 3) {
        *out = nullptr;
        return SQLITE_OK;
    }
    return w->io().xFetch(w->real, offset, amount, out);
}

int walUnfetch(sqlite3_file* f, sqlite3_int64 offset, void* page) {
    WalFile* w = wal(f);
    if (w->io().iVersion < 3) return SQLITE_OK;
    return w->io().xUnfetch(w->real, offset, page);
}

const sqlite3_io_methods kWalMethods = {
    3,
    walClose,
    walRead,
    walWrite,
    walTruncate,
    walSync,
    walFileSize,
    walLock,
    walUnlock,
    walCheckReservedLock,
    walFileControl,
    walSectorSize,
    walDeviceCharacteristics,
    walShmMap,
    walShmLock,
    walShmBarrier,
    walShmUnmap,
    walFetch,
    walUnfetch,
};

int vfsOpen(sqlite3_vfs*, const char* name, sqlite3_file* f, int flags, int* outFlags) {
    // Only the WAL is wrapped: the database file keeps the default VFS's own methods, locks and
    // shared memory, exactly as without this VFS.
    if (!(flags & SQLITE_OPEN_WAL)) return g_base->xOpen(g_base, name, f, flags, outFlags);
    auto* w = new (f) WalFile();
    w->real = reinterpret_cast<sqlite3_file*>(reinterpret_cast<char*>(f) + kRealOffset);
    const int rc = g_base->xOpen(g_base, name, w->real, flags, outFlags);
    if (rc != SQLITE_OK && !w->real->pMethods) {
        w->~WalFile();
        f->pMethods = nullptr;
        return rc;
    }
    // After a failed open with methods set, SQLite still calls xClose, which closes both.
    w->file.pMethods = &kWalMethods;
    // Frames already in the file are a past generation's or this one's: never appends.
    // Unknown, nothing is held until SQLite writes the WAL header of a new generation.
    if (rc == SQLITE_OK && w->io().xFileSize(w->real, &w->end) != SQLITE_OK)
        w->end = std::numeric_limits<sqlite3_int64>::max();
    return rc;
}

// Everything but xOpen is the default VFS's, called with the default VFS.
int vfsDelete(sqlite3_vfs*, const char* name, int syncDir) {
    return g_base->xDelete(g_base, name, syncDir);
}
int vfsAccess(sqlite3_vfs*, const char* name, int flags, int* out) {
    return g_base->xAccess(g_base, name, flags, out);
}
int vfsFullPathname(sqlite3_vfs*, const char* name, int size, char* out) {
    return g_base->xFullPathname(g_base, name, size, out);
}
void* vfsDlOpen(sqlite3_vfs*, const char* name) {
    return g_base->xDlOpen(g_base, name);
}
void vfsDlError(sqlite3_vfs*, int size, char* out) {
    g_base->xDlError(g_base, size, out);
}
void (*vfsDlSym(sqlite3_vfs*, void* handle, const char* symbol))(void) {
    return g_base->xDlSym(g_base, handle, symbol);
}
void vfsDlClose(sqlite3_vfs*, void* handle) {
    g_base->xDlClose(g_base, handle);
}
int vfsRandomness(sqlite3_vfs*, int size, char* out) {
    return g_base->xRandomness(g_base, size, out);
}
int vfsSleep(sqlite3_vfs*, int microseconds) {
    return g_base->xSleep(g_base, microseconds);
}
int vfsCurrentTime(sqlite3_vfs*, double* out) {
    return g_base->xCurrentTime(g_base, out);
}
int vfsGetLastError(sqlite3_vfs*, int size, char* out) {
    return g_base->xGetLastError(g_base, size, out);
}
int vfsCurrentTimeInt64(sqlite3_vfs*, sqlite3_int64* out) {
    return g_base->xCurrentTimeInt64(g_base, out);
}

bool registerVfs() {
    g_base = sqlite3_vfs_find(nullptr);
    // The forwarders above call up to version 2; the system-call hooks of version 3 are left
    // out (nothing here overrides system calls).
    if (!g_base || g_base->iVersion < 2 || !g_base->xCurrentTimeInt64) return false;
    g_vfs = sqlite3_vfs{};
    g_vfs.iVersion = 2;
    g_vfs.szOsFile = kRealOffset + g_base->szOsFile;
    g_vfs.mxPathname = g_base->mxPathname;
    g_vfs.zName = "shardscope-frames";
    g_vfs.xOpen = vfsOpen;
    g_vfs.xDelete = vfsDelete;
    g_vfs.xAccess = vfsAccess;
    g_vfs.xFullPathname = vfsFullPathname;
    g_vfs.xDlOpen = vfsDlOpen;
    g_vfs.xDlError = vfsDlError;
    g_vfs.xDlSym = vfsDlSym;
    g_vfs.xDlClose = vfsDlClose;
    g_vfs.xRandomness = vfsRandomness;
    g_vfs.xSleep = vfsSleep;
    g_vfs.xCurrentTime = vfsCurrentTime;
    g_vfs.xGetLastError = vfsGetLastError;
    g_vfs.xCurrentTimeInt64 = vfsCurrentTimeInt64;
    return sqlite3_vfs_register(&g_vfs, 0) == SQLITE_OK;
}

}  // namespace

const char* frameWritingVfs() {
    static std::once_flag once;
    static bool registered = false;
    std::call_once(once, [] { registered = registerVfs(); });
    return registered ? g_vfs.zName : nullptr;
}

}  // namespace shardscope::store
