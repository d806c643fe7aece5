#!/usr/bin/env bash
# Builds the Linux app-image and .deb of Release Auditor with jpackage (JDK 17+).
#
#   installer/build-installer.sh            # app-image + .deb into target/installer/
#   installer/build-installer.sh --no-deb   # app-image only
#   installer/build-installer.sh --deb-only # .deb only
#
# Input: target/release-auditor.jar (the fat jar; built here with Maven when missing).
# Output: target/installer/app-image/release-auditor/  and  target/installer/release-auditor_<v>_amd64.deb
# Needs: jpackage (openjdk-17-jdk), and for the .deb: dpkg-deb, fakeroot, binutils (objcopy).
# Windows (.msi) and macOS (.dmg) are built on those systems: see installer/README.md.
set -euo pipefail

cd "$(dirname "$0")/.."
root="$PWD"
jar="$root/target/release-auditor.jar"
input="$root/target/installer-input"
dest="$root/target/installer"
build_deb=1
build_image=1
case "${1:-}" in
  --no-deb) build_deb=0 ;;
  --deb-only) build_image=0 ;;
  "") ;;
  *) echo "usage: $0 [--no-deb | --deb-only]" >&2; exit 2 ;;
esac

if [ ! -f "$jar" ]; then
  echo "== building the fat jar"
  if [ -x ./mvnw ]; then ./mvnw -q -B package -DskipTests; else mvn -q -B package -DskipTests; fi
fi

JPACKAGE="${JAVA_HOME:+$JAVA_HOME/bin/}jpackage"
command -v "$JPACKAGE" >/dev/null || { echo "jpackage not found: install a JDK 17+ (openjdk-17-jdk)" >&2; exit 1; }

# jpackage needs a numeric version (x.y.z): the project version without any qualifier
full="$(unzip -p "$jar" META-INF/MANIFEST.MF | sed -n 's/^Implementation-Version: *//p' | tr -d '\r')"
version="$(printf '%s' "$full" | sed -n 's/^\([0-9][0-9.]*[0-9]\)$/\1/p')"
# A package must carry the same version that `release-auditor --version` prints, so a version
# with a qualifier (0.3.0-SNAPSHOT) is refused instead of being silently cut to 0.3.0.
[ -n "$version" ] || { echo "cannot package version '$full': set a numeric x.y.z <version> in pom.xml" >&2; exit 1; }

# jpackage refuses to overwrite its output folders, so start clean
rm -rf "$input" "$dest"
mkdir -p "$input" "$dest"
cp "$jar" "$input/"
cp installer/release-auditor "$input/release-auditor"
# bundled samples: the app opens adult.csv at start-up and builds the demo case from them
cp -r sample-datasets "$input/sample-datasets"
rm -f "$input"/sample-datasets/demo/*.rcase
chmod 755 "$input/release-auditor"

# Modules from `jdeps --print-module-deps --ignore-missing-deps target/release-auditor.jar`,
# plus java.desktop (AWT chart rendering, JavaFX), jdk.localedata (German formats) and jdk.charsets.
modules="java.base,java.desktop,java.logging,java.management,java.naming,java.net.http,java.scripting,java.sql,java.xml,jdk.jfr,jdk.unsupported,jdk.unsupported.desktop,jdk.localedata,jdk.charsets"

common=(
  --name release-auditor
  --app-version "$version"
  --vendor "Release Auditor project"
  --description "Re-identification risk audits of data releases, with a tamper-evident decision trail."
  --copyright "Release Auditor project"
  --input "$input"
  --main-jar release-auditor.jar
  --main-class org.releaseauditor.Launcher
  --icon src/main/resources/org/releaseauditor/ui/release-auditor.png
  --add-modules "$modules"
  --jlink-options "--strip-debug --no-man-pages --no-header-files --include-locales=en,de --generate-cds-archive"
  --java-options "-Dfile.encoding=UTF-8"
)

if [ "$build_image" = 1 ]; then
  echo "== app-image ($version)"
  "$JPACKAGE" --type app-image --dest "$dest/app-image" "${common[@]}"
  du -sh "$dest/app-image/release-auditor"
fi

if [ "$build_deb" = 1 ]; then
  echo "== .deb ($version)"
  # Linux-only options are rejected for app-images, hence a separate call.
  # jpackage cannot see that JavaFX needs GTK, so the dependencies are declared here.
  "$JPACKAGE" --type deb --dest "$dest" "${common[@]}" \
    --resource-dir installer/linux \
    --linux-package-name release-auditor \
    --linux-deb-maintainer "release-auditor@example.invalid" \
    --linux-menu-group "Office" \
    --linux-app-category utils \
    --linux-shortcut \
    --linux-package-deps "libgtk-3-0, libxtst6, libgl1, libpangoft2-1.0-0"
  ls -la "$dest"/*.deb
  echo "Install with: sudo apt-get install -y ./$(basename "$(ls "$dest"/*.deb)")  (from $dest)"
fi
