#!/usr/bin/env python3
"""Test photos for tests/photos.rs, made and inspected with Pillow (an independent reader).

  photos.py make DIR    writes the sample photos into DIR
  photos.py check FILE… prints one JSON line per file: format, size, metadata found, and the
                        average colour of the top and bottom tenth
"""
import json
import random
import sys

from PIL import Image, ImageDraw, PngImagePlugin


def exif_with_secrets(orientation):
    exif = Image.Exif()
    exif[0x0112] = orientation
    exif[0x013B] = "Erika Mustermann"
    exif[0x8298] = "(c) Erika Mustermann"
    exif[0x010F] = "PhoneMaker"
    exif[0x0110] = "Model X"
    exif[0x0132] = "2026:05:16 14:03:00"
    exif[0x8825] = {1: "N", 2: (52.0, 31.0, 12.0), 3: "E", 4: (13.0, 24.0, 0.0)}
    return exif


def make(d):
    rnd = random.Random(7)
    # Shown upright it is 3000 x 4000, red in its top quarter. Stored turned: the camera's
    # orientation 6 means "turn 90° clockwise to show", so the shown top is the stored left.
    w, h = 4000, 3000
    img = Image.new("RGB", (w, h), (30, 60, 200))
    ImageDraw.Draw(img).rectangle([0, 0, w // 4, h], fill=(220, 20, 20))
    px = img.load()
    for _ in range(20000):
        px[rnd.randrange(w), rnd.randrange(h)] = (rnd.randrange(256),) * 3
    img.save(f"{d}/rotated.jpg", quality=90, exif=exif_with_secrets(6))
    rgba = Image.new("RGBA", (800, 600), (0, 0, 0, 0))
    ImageDraw.Draw(rgba).rectangle([0, 0, 800, 150], fill=(220, 20, 20, 255))
    info = PngImagePlugin.PngInfo()
    info.add_text("Author", "Erika Mustermann")
    rgba.save(f"{d}/logo.png", pnginfo=info)
    small = Image.new("RGB", (640, 480), (220, 20, 20))
    small.save(f"{d}/static.jpg", quality=90, exif=exif_with_secrets(1))


def check(files):
    for f in files:
        im = Image.open(f)
        found = sorted(k for k in im.info if k not in ("jfif", "jfif_version", "jfif_unit",
                                                       "jfif_density", "background", "duration",
                                                       "loop", "timestamp", "progressive",
                                                       "progression", "adobe", "adobe_transform"))
        rgb = im.convert("RGB")
        w, h = im.size
        top = rgb.crop((0, 0, w, max(1, h // 10))).resize((1, 1)).getpixel((0, 0))
        bottom = rgb.crop((0, h - max(1, h // 10), w, h)).resize((1, 1)).getpixel((0, 0))
        print(json.dumps({
            "file": f, "format": im.format, "width": w, "height": h, "mode": im.mode,
            "exif": len(im.getexif()), "info": found, "top": top, "bottom": bottom,
        }))


if __name__ == "__main__":
    if sys.argv[1] == "make":
        make(sys.argv[2])
    else:
        check(sys.argv[2:])
