module handout

go 1.26.8
