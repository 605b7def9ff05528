# One image for the gateway and the LLM server (docker-compose.yml builds it as remedios-python:local).
#   docker build -f deploy/python.Dockerfile -t remedios-python:local .
# The model is not in the image: the llm-server service provisions it into the llm-models volume.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

# ffmpeg: audio conversion for voice messages. libgomp1/libstdc++6: the gpt4all wheel's llama.cpp backend.
RUN apt-get update \
 && apt-get install -y --no-install-recommends ffmpeg libgomp1 libstdc++6 \
 && rm -rf /var/lib/apt/lists/*

WORKDIR /app
COPY requirements/runtime.txt requirements/runtime.txt
RUN pip install -r requirements/runtime.txt

# A fixed non-root user. The volume mount points exist and belong to it, so new named volumes do too.
RUN useradd --create-home --uid 10001 --user-group --shell /usr/sbin/nologin remedios \
 && mkdir -p /data/gateway /models \
 && chown remedios:remedios /data/gateway /models

COPY gateway/ gateway/
COPY llm-server/ llm-server/
COPY n8n-workflows/ n8n-workflows/
COPY deploy/llm-server-start.sh deploy/llm-server-start.sh

ENV PYTHONPATH=/app:/app/llm-server
USER remedios
EXPOSE 8000 4891
CMD ["python", "-m", "gateway"]
