"""Small structural schemas for the custom resources we use (Strimzi and KEDA), written from their
CRDs' required fields and the fields we set; unknown fields in our own manifests are refused."""

STRICT = {"additionalProperties": False}
NAME = {"type": "string", "pattern": r"^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$", "maxLength": 253}
METADATA = {"type": "object", "required": ["name"],
            "properties": {"name": NAME, "namespace": {"type": "string"},
                           "labels": {"type": "object", "additionalProperties": {"type": "string"}},
                           "annotations": {"type": "object", "additionalProperties": {"type": "string"}}},
            **STRICT}
RESOURCES = {"type": "object", "properties": {"requests": {"type": "object"}, "limits": {"type": "object"}},
             "required": ["requests", "limits"], **STRICT}
POD_TEMPLATE = {"type": "object", "properties": {"pod": {"type": "object", "properties": {"securityContext": {"type": "object"}}},
                                                 "kafkaContainer": {"type": "object", "properties": {"securityContext": {"type": "object"}}}}}


def resource(api_version: str, kind: str, spec: dict) -> dict:
    return {"type": "object", "required": ["apiVersion", "kind", "metadata", "spec"],
            "properties": {"apiVersion": {"const": api_version}, "kind": {"const": kind}, "metadata": METADATA, "spec": spec},
            **STRICT}


KAFKA_TOPIC = resource("kafka.strimzi.io/v1beta2", "KafkaTopic", {
    "type": "object", "required": ["partitions", "replicas"], **STRICT,
    "properties": {"topicName": {"type": "string", "minLength": 1}, "partitions": {"type": "integer", "minimum": 1},
                   "replicas": {"type": "integer", "minimum": 1, "maximum": 32767},
                   "config": {"type": "object", "additionalProperties": {"type": ["string", "integer", "boolean"]}}}})

KAFKA_NODE_POOL = resource("kafka.strimzi.io/v1beta2", "KafkaNodePool", {
    "type": "object", "required": ["replicas", "roles", "storage"], **STRICT,
    "properties": {"replicas": {"type": "integer", "minimum": 0},
                   "roles": {"type": "array", "items": {"enum": ["controller", "broker"]}, "minItems": 1},
                   "storage": {"type": "object", "required": ["type"],
                               "properties": {"type": {"enum": ["ephemeral", "persistent-claim", "jbod"]}, "volumes": {"type": "array"}}},
                   "resources": RESOURCES}})

KAFKA = resource("kafka.strimzi.io/v1beta2", "Kafka", {
    "type": "object", "required": ["kafka"], **STRICT,
    "properties": {
        "kafka": {"type": "object", "required": ["listeners"], **STRICT,
                  "properties": {"version": {"type": "string"}, "metadataVersion": {"type": "string"},
                                 "listeners": {"type": "array", "minItems": 1, "items": {
                                     "type": "object", "required": ["name", "port", "type", "tls"],
                                     "properties": {"name": {"type": "string", "pattern": "^[a-z0-9]{1,11}$"},
                                                    "port": {"type": "integer", "minimum": 9092},
                                                    "type": {"enum": ["internal", "route", "loadbalancer", "nodeport", "ingress", "cluster-ip"]},
                                                    "tls": {"type": "boolean"}, "networkPolicyPeers": {"type": "array"}}}},
                                 "config": {"type": "object"}, "template": POD_TEMPLATE}},
        "entityOperator": {"type": "object", "properties": {"topicOperator": {"type": "object"}, "userOperator": {"type": "object"},
                                                            "template": {"type": "object"}}, **STRICT}}})

SCALED_OBJECT = resource("keda.sh/v1alpha1", "ScaledObject", {
    "type": "object", "required": ["scaleTargetRef", "triggers"], **STRICT,
    "properties": {"scaleTargetRef": {"type": "object", "required": ["name"], "properties": {"name": {"type": "string"}}},
                   "minReplicaCount": {"type": "integer", "minimum": 0}, "maxReplicaCount": {"type": "integer", "minimum": 1},
                   "pollingInterval": {"type": "integer"}, "cooldownPeriod": {"type": "integer"},
                   "triggers": {"type": "array", "minItems": 1, "items": {
                       "type": "object", "required": ["type", "metadata"],
                       "properties": {"type": {"type": "string"},
                                      "metadata": {"type": "object", "additionalProperties": {"type": "string"}}}}}}})

CUSTOM_SCHEMAS = {(schema["properties"]["apiVersion"]["const"], schema["properties"]["kind"]["const"]): schema
                  for schema in (KAFKA_TOPIC, KAFKA_NODE_POOL, KAFKA, SCALED_OBJECT)}
