using System.Collections.Generic;

namespace MeshOps.Rules.Catalog
{
    public static partial class RuleGuide
    {
        // MESH301 and MESH303 decide "this service speaks TCP" from the same evidence, in the same order.
        private const string TcpEvidence =
            "Evidence that the service speaks a TCP protocol, taken in this order: a Service port that is a well-known database or broker port (5432 postgres, 3306 mysql, 6379 redis, 27017 mongodb, 5672 amqp, 9092 kafka, 11211 memcached, 9042 cassandra, 9300 elasticsearch transport, 2181 zookeeper, 4222 nats); else an image of a selected workload named after such a server (postgres, mysql, mariadb, redis, mongo, rabbitmq, kafka, …); else a caller that connects with such a connection string (postgres://, redis://, host=… dbname=…). ";

        private const string TcpEvidenceNotSeen =
            "What the service really speaks: an HTTP service on a well-known database port or from an image named like a database is taken for TCP, and a TCP server on an unusual port with an unknown image is not recognised. ";

        private const string ProtocolNotSeen =
            "ServiceDefaults and ProxyDefaults that are not among the inputs: written with consul config write, kept in another folder, or applied by another team. ";

        private static IEnumerable<RuleGuideEntry> Protocol() => new[]
        {
            Entry(
                "MESH301",
                "A service whose own ServiceDefaults sets protocol http, http2 or grpc, against " + TcpEvidence + "A protocol set only in ProxyDefaults is MESH303's finding.",
                TcpEvidenceNotSeen + ProtocolNotSeen,
                "Set protocol: tcp in the service's ServiceDefaults (or remove the protocol so Consul's default tcp applies); keep http only if the service really speaks HTTP on that port.",
                "service", "protocol", "why it is TCP", "namespace"),
            Entry(
                "MESH302",
                "What needs an L7 protocol: ServiceIntentions sources with HTTP permissions (for a destination other than '*'), ServiceRouters and ServiceSplitters. Reported when the inputs set no protocol for the service at all (no ServiceDefaults protocol and no ProxyDefaults config.protocol), so Consul's default tcp applies: the Consul server refuses routers, splitters and ServiceIntentions with HTTP permissions for it, and the refused resource never syncs. A protocol set explicitly to tcp is MESH204's (intentions) or MESH303's (routing) finding. When the inputs hold no ServiceDefaults and no ProxyDefaults at all, the finding is at most a Warning and states its assumption: that the service has no protocol set elsewhere.",
                ProtocolNotSeen + "Protocol configuration is often applied separately from the application's manifests; give it to Test-MeshConfig with the rest, or the finding may be about a ServiceDefaults that does exist.",
                "Add a ServiceDefaults for the service with protocol: http (or http2, grpc), or remove the HTTP permissions, router or splitter if the service does not speak HTTP.",
                "service", "what needs L7", "protocol in force", "namespace"),
            Entry(
                "MESH303",
                "Two conflicts. ProxyDefaults config.protocol sets http, http2 or grpc for every service, and a service whose pods are in the mesh (a pod outside it has no sidecar to read ProxyDefaults) with no ServiceDefaults of its own shows " + TcpEvidence + "The first is an Error: the sidecars on both ends handle the service's connections as HTTP, which it does not speak, so they fail. Or a ServiceRouter or a ServiceSplitter is written for a service whose protocol is set explicitly (ServiceDefaults or ProxyDefaults) to one that is not http, http2 or grpc: an Error, since the Consul server refuses the entry (its discovery chain does not permit advanced routing or splitting behavior for that protocol) and it never syncs. A ServiceResolver using HTTP features (requestTimeout, hash policies on a header, cookie or query parameter) for such a service is a Warning: Consul accepts it, but a tcp service has no HTTP route for the feature to act on, so it has no effect.",
                TcpEvidenceNotSeen + ProtocolNotSeen,
                "Give the service its own ServiceDefaults with the protocol it speaks: tcp for databases and brokers, http (or http2, grpc) for services that are routed, split or resolved with HTTP features.",
                "service", "the conflict", "protocol in force", "namespace", "what follows"),
        };
    }
}
