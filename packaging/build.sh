#!/usr/bin/env bash
# Builds the LLaVA Inspector app image (own Java runtime) and, where the tools exist, the installer of this OS:
#   Linux: target/dist/llava-inspector/ and target/dist/llava-inspector_<version>_amd64.deb (needs dpkg-deb, fakeroot)
#   macOS: target/dist/LLaVA Inspector.app and .dmg      Windows (Git Bash): target/dist/LLaVA Inspector/ and .msi (WiX 3)
# Works from any folder. Options: --app-image-only (skip the installer). JPACKAGE=/path/to/jpackage to choose one.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
args=packaging/jpackage

installer=yes
for a in "$@"; do
    case "$a" in
        --app-image-only) installer=no ;;
        -h|--help) sed -n '2,5p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "build.sh: unknown option $a" >&2; exit 2 ;;
    esac
done

jpackage="${JPACKAGE:-$(command -v jpackage || true)}"
if [[ -z "$jpackage" && -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/jpackage" ]]; then jpackage="$JAVA_HOME/bin/jpackage"; fi
[[ -n "$jpackage" ]] || { echo "build.sh: jpackage not found (JDK 17+ needed; set JPACKAGE or JAVA_HOME)" >&2; exit 1; }

if [[ ! -f target/llava-inspector.jar || ! -d target/lib ]]; then
    echo "== building the jar"
    mvn -B -DskipTests package
fi

# version for the installers: the pom's, without -SNAPSHOT (jpackage wants digits and dots)
version="$(sed -n 's:^  <version>\(.*\)</version>:\1:p' pom.xml | head -1)"
version="${version%%-*}"

# jpackage input: the jar, its libraries where its manifest Class-Path looks (lib/), and the demo dataset.
# The app image puts these in lib/app/, where DemoDataset finds samples/ next to the jar.
stage=target/jpackage-input
rm -rf "$stage" && mkdir -p "$stage"
cp target/llava-inspector.jar "$stage/"
cp -r target/lib "$stage/lib"
cp -r samples "$stage/samples"
# AppStream metadata rides along in lib/app/share/metainfo/: a .deb made from an app image keeps only bin/ and lib/,
# and jpackage installs nothing outside /opt/llava-inspector (see packaging/README.md)
install -D -m 644 packaging/linux/org.llavainspector.LlavaInspector.metainfo.xml \
    "$stage/share/metainfo/org.llavainspector.LlavaInspector.metainfo.xml"

case "$(uname -s)" in
    Linux) os=linux ;;
    Darwin) os=macos ;;
    MINGW*|MSYS*|CYGWIN*) os=windows ;;
    *) echo "build.sh: unsupported OS $(uname -s)" >&2; exit 1 ;;
esac

# The command-line launcher bin/llava-inspector-cli (a script: see its header) and the class archive (AppCDS) it
# uses: the classes a command-line run loads, parsed and verified once here, so that every later start maps them
# instead. JDK 17 cannot make the archive on first use, and it is valid only where it was made: a moved or
# installed copy starts without it (silently). See packaging/README.md, "Start-up".
cli_launcher() {
    local image="$1"
    install -m 755 packaging/linux/llava-inspector-cli "$image/bin/llava-inspector-cli"
    rm -f "$image/lib/app/llava-inspector.jsa"
    if JAVA_TOOL_OPTIONS="-XX:ArchiveClassesAtExit=$(cd "$image/lib/app" && pwd)/llava-inspector.jsa" \
        "$image/bin/llava-inspector-cli" stats "$image/lib/app/samples/demo.json" >/dev/null 2>&1 \
        && [[ -f "$image/lib/app/llava-inspector.jsa" ]]; then
        echo "   command-line launcher with a class archive of $(du -h "$image/lib/app/llava-inspector.jsa" | cut -f1)"
    else
        echo "   command-line launcher (no class archive: this runtime cannot make one)"
    fi
}

seconds() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$(seconds)" 'BEGIN { printf "%.1f", b - a }'; }

mkdir -p target/dist
case "$os" in
    linux)
        image=target/dist/llava-inspector
        rm -rf "$image"
        echo "== jpackage app image -> $image"
        t=$(seconds)
        "$jpackage" @"$args/common.args" @"$args/linux.args" --type app-image --app-version "$version" --dest target/dist
        echo "   app image in $(elapsed "$t") s"
        cli_launcher "$image"
        if [[ "$installer" == yes ]]; then
            if command -v dpkg-deb >/dev/null && command -v fakeroot >/dev/null; then
                # the desktop entry of the .deb is packaging/linux/llava-inspector.desktop with the installed paths
                res=target/jpackage-resources
                rm -rf "$res" && mkdir -p "$res"
                sed -e 's|^Exec=llava-inspector|Exec=/opt/llava-inspector/bin/llava-inspector|' \
                    -e 's|^Icon=.*|Icon=/opt/llava-inspector/lib/llava-inspector.png|' \
                    packaging/linux/llava-inspector.desktop > "$res/llava-inspector.desktop"
                rm -f target/dist/*.deb
                echo "== jpackage .deb"
                t=$(seconds)
                "$jpackage" --type deb --app-image "$image" @"$args/linux-deb.args" --app-version "$version" --dest target/dist
                echo "   .deb in $(elapsed "$t") s"
            else
                echo "== no dpkg-deb/fakeroot: skipping the .deb"
            fi
        fi
        launcher="$image/bin/llava-inspector"
        ;;
    macos)
        rm -rf "target/dist/LLaVA Inspector.app"
        "$jpackage" @"$args/common.args" @"$args/macos.args" --type app-image --app-version "$version" --dest target/dist
        [[ "$installer" == no ]] || "$jpackage" @"$args/common.args" @"$args/macos.args" --type dmg --app-version "$version" --dest target/dist
        launcher="target/dist/LLaVA Inspector.app/Contents/MacOS/LLaVA Inspector"
        ;;
    windows)
        rm -rf "target/dist/LLaVA Inspector"
        "$jpackage" @"$args/common.args" @"$args/windows.args" --type app-image --app-version "$version" --dest target/dist
        [[ "$installer" == no ]] || "$jpackage" @"$args/common.args" @"$args/windows.args" --type msi --app-version "$version" --dest target/dist
        launcher="target/dist/LLaVA Inspector/llava-inspector.exe"
        ;;
esac

echo "== done"
du -sh target/dist/* 2>/dev/null || true
echo "run: \"$launcher\" --help"
