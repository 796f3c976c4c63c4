#!/bin/sh
# Regenerates the layout pictures in docs/layout.md from the samples:
# each built-in layout's first two pages (or both sides of its sheet), and
# the trifold's reading order. Needs pdftoppm (poppler-utils) and montage
# (imagemagick). Run from the repository's root: sh docs/images/layouts.sh
set -eu
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/handout" ./cmd/handout
out=docs/images
pic() { # layout leaflet site
	"$tmp/handout" render -q "content/leaflets/$2.yaml" --site "content/sites/$3" --layout "$1" -o "$tmp/$1.pdf"
	pdftoppm -r 28 -f 1 -l 2 -png "$tmp/$1.pdf" "$tmp/$1"
	montage "$tmp/$1"-*.png -tile 2x1 -geometry +4+4 -background '#d8d8d8' "PNG8:$out/layout-$1.png"
}
for l in letter a4 legal a5 letter-2col a4-2col; do pic "$l" breastfeeding-first-weeks riverside; done
pic large-print incision-care riverside
pic trifold let-down-reflex riverside
pic a4-trifold reflejo-de-bajada hillcrest
pic booklet incision-care hillcrest
pic a5-booklet let-down-reflex riverside

# The reading order of a roll fold, numbered on both sides of the sheet.
"$tmp/handout" render -q content/leaflets/reflejo-de-bajada.yaml --site content/sites/riverside --layout trifold -o "$tmp/fold.pdf"
pdftoppm -r 40 -png "$tmp/fold.pdf" "$tmp/fold"
mark() { # image x label: a numbered disc at the foot of a panel
	convert "$1" -fill '#c0392b' -stroke white -strokewidth 2 -draw "circle $2,300 $(($2 + 18)),300" \
		-fill white -stroke none -pointsize 24 -gravity northwest -annotate "+$(($2 - 7))+286" "$3" "$1"
}
mark "$tmp/fold-2.png" 74 1 # the cover's inside
mark "$tmp/fold-1.png" 72 2 # the fold-in panel
mark "$tmp/fold-2.png" 221 3
mark "$tmp/fold-2.png" 367 4
montage -label 'outside: fold-in panel, back panel, front cover' "$tmp/fold-1.png" \
	-label 'inside: behind the cover, middle, behind the fold-in panel' "$tmp/fold-2.png" \
	-tile 2x1 -geometry +6+6 -pointsize 14 -background '#d8d8d8' "PNG8:$out/trifold-reading-order.png"
