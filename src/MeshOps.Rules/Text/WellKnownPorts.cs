using System;
using System.Collections.Generic;

namespace MeshOps.Rules.Text
{
    /// <summary>
    /// Non-HTTP protocols recognised by URL scheme, default port or container image, so rules can tell that a service
    /// declared "http" actually speaks a database or broker protocol.
    /// </summary>
    public static class WellKnownPorts
    {
        public static IReadOnlyList<TcpProtocol> Protocols { get; } = new[]
        {
            new TcpProtocol("postgres", 5432, new[] { "postgres", "postgresql" }, new[] { "postgres", "postgresql", "postgis", "product-api-db" }),
            new TcpProtocol("mysql", 3306, new[] { "mysql", "mariadb" }, new[] { "mysql", "mariadb", "percona" }),
            new TcpProtocol("redis", 6379, new[] { "redis", "rediss" }, new[] { "redis", "valkey", "keydb" }),
            new TcpProtocol("mongodb", 27017, new[] { "mongodb", "mongodb+srv", "mongo" }, new[] { "mongo", "mongodb" }),
            new TcpProtocol("amqp", 5672, new[] { "amqp", "amqps" }, new[] { "rabbitmq" }),
            new TcpProtocol("kafka", 9092, new[] { "kafka" }, new[] { "kafka", "redpanda" }),
            new TcpProtocol("memcached", 11211, new[] { "memcached", "memcache" }, new[] { "memcached" }),
            new TcpProtocol("cassandra", 9042, new[] { "cassandra", "cql" }, new[] { "cassandra", "scylla" }),
            new TcpProtocol("elasticsearch-transport", 9300, Array.Empty<string>(), Array.Empty<string>()),
            new TcpProtocol("zookeeper", 2181, new[] { "zookeeper", "zk" }, new[] { "zookeeper" }),
            new TcpProtocol("nats", 4222, new[] { "nats" }, new[] { "nats" }),
        };

        /// <summary>The protocol a URL scheme names (case-insensitive), or null for http, https, grpc or unknown schemes.</summary>
        public static TcpProtocol? ByScheme(string? scheme)
        {
            if (string.IsNullOrEmpty(scheme))
            {
                return null;
            }

            foreach (var protocol in Protocols)
            {
                foreach (var known in protocol.Schemes)
                {
                    if (string.Equals(known, scheme, StringComparison.OrdinalIgnoreCase))
                    {
                        return protocol;
                    }
                }
            }

            return null;
        }

        public static TcpProtocol? ByPort(int port)
        {
            foreach (var protocol in Protocols)
            {
                if (protocol.DefaultPort == port)
                {
                    return protocol;
                }
            }

            return null;
        }

        /// <summary>
        /// The protocol a container image suggests, from the last path segment of its repository without tag or digest
        /// ("postgres:15", "docker.io/library/redis@sha256:…", "hashicorpdemoapp/product-api-db:v0.0.21").
        /// </summary>
        public static TcpProtocol? ByImage(string? image)
        {
            var repository = ImageRepositoryName(image);
            if (repository.Length == 0)
            {
                return null;
            }

            foreach (var protocol in Protocols)
            {
                foreach (var known in protocol.ImageNames)
                {
                    if (string.Equals(known, repository, StringComparison.OrdinalIgnoreCase)
                        || repository.StartsWith(known + "-", StringComparison.OrdinalIgnoreCase))
                    {
                        return protocol;
                    }
                }
            }

            return null;
        }

        private static string ImageRepositoryName(string? image)
        {
            if (string.IsNullOrEmpty(image))
            {
                return string.Empty;
            }

            var name = image!;
            var digest = name.IndexOf('@');
            if (digest >= 0)
            {
                name = name.Substring(0, digest);
            }

            var lastSlash = name.LastIndexOf('/');
            var tag = name.IndexOf(':', lastSlash + 1);
            if (tag >= 0)
            {
                name = name.Substring(0, tag);
            }

            return name.Substring(lastSlash + 1);
        }
    }
}
