#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The Flatpak manifest agrees with the build: same application id, a
command that meson installs, exactly the permissions the README promises,
every download pinned by a checksum, the program built with meson and its
tests run. Exits 77 (skip) without PyYAML.

usage: check-flatpak.py MANIFEST APPLICATION_ID COMMAND…
"""
import re
import sys

try:
    import yaml
except ImportError:
    print("PyYAML not installed: skipped")
    sys.exit(77)

PERMISSIONS = ["--share=ipc", "--socket=wayland", "--socket=fallback-x11", "--device=dri"]

manifest_path, app_id, *commands = sys.argv[1:]
with open(manifest_path, encoding="utf-8") as f:
    manifest = yaml.safe_load(f)

problems = []


def check(ok, message):
    if not ok:
        problems.append(message)


check(manifest.get("id") == app_id, f"id is {manifest.get('id')!r}, the build's is {app_id!r}")
check(manifest.get("command") in commands,
      f"command {manifest.get('command')!r} is not one meson installs ({', '.join(commands)})")
check(manifest.get("sdk") == "org.gnome.Sdk" and manifest.get("runtime") == "org.gnome.Platform",
      "not built on the GNOME runtime and SDK")
check(manifest.get("finish-args") == PERMISSIONS,
      f"finish-args are {manifest.get('finish-args')}, not {PERMISSIONS}")

modules = manifest.get("modules", [])
for module in modules:
    for source in module.get("sources", []):
        if "url" in source:
            check(re.fullmatch(r"[0-9a-f]{64}", str(source.get("sha256", ""))) is not None,
                  f"{module['name']}: {source['url']} has no sha256")
            check(source["url"].startswith("https://"), f"{source['url']} is not https")

fonts = [m for m in modules if any("/app/share/fonts" in c for c in m.get("build-commands", []))]
check(len(fonts) > 0, "no module installs a font into /app/share/fonts")
check(bool(modules) and modules[-1].get("buildsystem") == "meson"
      and modules[-1].get("run-tests") is True,
      "the last module is not the program built with meson, tests run")
check(bool(fonts) and modules.index(fonts[0]) < len(modules) - 1,
      "the fonts come after the program, whose PDF tests need them")

for p in problems:
    print(f"{manifest_path}: {p}")
if not problems:
    print(f"{manifest_path}: {len(modules)} modules, consistent with the build")
sys.exit(1 if problems else 0)
