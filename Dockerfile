# One image for every service; the command picks the service (see docker-compose.yml).
FROM python:3.11-slim
RUN apt-get update && apt-get install -y --no-install-recommends libgl1 libglib2.0-0 && rm -rf /var/lib/apt/lists/*
RUN useradd --create-home --uid 10001 alpr
WORKDIR /app
COPY requirements.lock requirements-models.txt pyproject.toml ./
RUN pip install --no-cache-dir -r requirements.lock \
 && pip install --no-cache-dir --no-deps -r requirements-models.txt
COPY alpr_common alpr_common
COPY alpr_cli alpr_cli
COPY services services
RUN pip install --no-cache-dir --no-deps .
USER alpr
ENV ALPR_DATA_DIR=/tmp/alpr
ENTRYPOINT ["alpr"]
