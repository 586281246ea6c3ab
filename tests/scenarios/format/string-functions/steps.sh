# template functions: join, split, upper, lower, title, len, index, slice, printf, truncate, pad
docker run --name strfn -l color=Blue busybox echo a b c
docker inspect -f '{{join .Config.Cmd "+"}}' strfn
docker inspect -f '{{split .Name "r"}}' strfn
docker inspect -f '{{upper .Name}} {{lower (index .Config.Labels "color")}} {{title "hello world"}}' strfn
docker inspect -f '{{len .Config.Cmd}} {{index .Config.Cmd 1}} {{slice .Name 1 4}}' strfn
docker inspect -f '{{printf "%q|%5s|%-5s|%03d" .Name "ab" "cd" 7}}' strfn
docker ps -a --format '{{truncate .Names 3}}|{{pad .Names 2 1}}|'
