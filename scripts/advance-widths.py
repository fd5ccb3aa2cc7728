#!/usr/bin/env python3
"""Prints the advance widths of a TrueType font as a Rust table, in
thousandths of an em (rounded up), for src/layout/measure.rs.

Usage: python3 scripts/advance-widths.py /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf

Reads only the `head`, `hhea`, `hmtx` and `cmap` (format 4) tables, with the
standard library; the characters are printable ASCII and Latin-1, and the
punctuation titles use most (dashes, quotes, ellipsis).
"""
import math
import struct
import sys

EXTRA = [0x2013, 0x2014, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2026, 0x20AC, 0x2212]


def tables(data):
    count = struct.unpack(">H", data[4:6])[0]
    out = {}
    for i in range(count):
        tag, _, offset, length = struct.unpack(">4sIII", data[12 + 16 * i: 28 + 16 * i])
        out[tag.decode()] = data[offset: offset + length]
    return out


def cmap4(cmap):
    _, n = struct.unpack(">HH", cmap[:4])
    for i in range(n):
        platform, encoding, offset = struct.unpack(">HHI", cmap[4 + 8 * i: 12 + 8 * i])
        if platform == 3 and encoding == 1 and struct.unpack(">H", cmap[offset: offset + 2])[0] == 4:
            sub = cmap[offset:]
            segs = struct.unpack(">H", sub[6:8])[0] // 2
            ends = struct.unpack(f">{segs}H", sub[14: 14 + 2 * segs])
            base = 16 + 2 * segs
            starts = struct.unpack(f">{segs}H", sub[base: base + 2 * segs])
            deltas = struct.unpack(f">{segs}h", sub[base + 2 * segs: base + 4 * segs])
            range_at = base + 4 * segs
            ranges = struct.unpack(f">{segs}H", sub[range_at: range_at + 2 * segs])

            def glyph(c):
                for k in range(segs):
                    if starts[k] <= c <= ends[k]:
                        if ranges[k] == 0:
                            return (c + deltas[k]) & 0xFFFF
                        at = range_at + 2 * k + ranges[k] + 2 * (c - starts[k])
                        g = struct.unpack(">H", sub[at: at + 2])[0]
                        return (g + deltas[k]) & 0xFFFF if g else 0
                return 0

            return glyph
    raise SystemExit("no Unicode BMP cmap")


def main(path):
    data = open(path, "rb").read()
    t = tables(data)
    units = struct.unpack(">H", t["head"][18:20])[0]
    metrics = struct.unpack(">H", t["hhea"][34:36])[0]
    hmtx = t["hmtx"]

    def advance(g):
        g = min(g, metrics - 1)
        return struct.unpack(">H", hmtx[4 * g: 4 * g + 2])[0]

    glyph = cmap4(t["cmap"])
    chars = list(range(0x20, 0x7F)) + list(range(0xA0, 0x100)) + EXTRA
    for c in chars:
        w = math.ceil(advance(glyph(c)) * 1000 / units)
        print(f"    ({c:#06x}, {w}),")


main(sys.argv[1])
