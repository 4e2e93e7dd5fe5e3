#!/bin/sh
# One-shot (the kafka-init service of docker-compose.yml): creates the platform's topics with the
# layout of io.riskstream.runtime.TopicSetup. Topics that already exist are left alone, so it is
# safe on every `docker compose up`. DockerComposeTest checks that it names every topic of
# io.riskstream.schemas.Topic and no other.
set -eu

BOOTSTRAP="${BOOTSTRAP:-kafka:9092}"
PARTITIONS="${RISKSTREAM_PARTITIONS:-2}"

# create TOPIC PARTITIONS [--config KEY=VALUE ...]
create() {
  topic="$1"
  partitions="$2"
  shift 2
  /opt/kafka/bin/kafka-topics.sh --bootstrap-server "$BOOTSTRAP" --create --if-not-exists \
    --topic "$topic" --partitions "$partitions" --replication-factor 1 "$@"
}

# Every topic that scales with the jobs' parallelism gets PARTITIONS partitions.
create transactions "$PARTITIONS"
create labels "$PARTITIONS"
create feature-snapshots "$PARTITIONS"
create scores "$PARTITIONS"
create dead-letters "$PARTITIONS"
# model-updates is a total order of versions whose newest record per group is the current model:
# one partition, compacted. model-events and model-control are each one ordered history.
create model-updates 1 --config cleanup.policy=compact
create model-events 1
create model-control 1

/opt/kafka/bin/kafka-topics.sh --bootstrap-server "$BOOTSTRAP" --list
