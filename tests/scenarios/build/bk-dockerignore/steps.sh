# BuildKit: .dockerignore with ** patterns and ! exceptions decides what COPY . sees
docker build -q -t di:1 .
docker run --rm di:1 find /ctx -type f | sort
