// SPDX-License-Identifier: MIT
#pragma once

// A thin SQLite VFS over the default one that writes each WAL frame with one system call.
//
// SQLite appends a frame to the WAL as two writes, its 24-byte header and then the page; on a
// virtual machine every system call is dear, and a commit of a ~200-byte row is three frames.
// This VFS holds a frame header back until the page that follows it arrives and writes both at
// once; only a header appended at the end of the frames is held, for SQLite also rewrites
// headers in place (checksums up to a commit frame) with no page after them. Anything else done to
// the file first (a read, a sync, a truncation, a write elsewhere, closing it) writes the held
// header first, so the file reads as it would without the VFS. Durability is unchanged: a frame is
// in the OS before the write of its page returns, so every frame of a commit is there before the
// commit returns.
//
// Threading: registered once (thread-safe); each file is used as SQLite uses it.
namespace shardscope::store {

// The VFS's name for sqlite3_open_v2, or nullptr (then use the default) if it could not be
// registered.
const char* frameWritingVfs();

}  // namespace shardscope::store
