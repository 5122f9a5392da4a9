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

            // Index loops: these run for every port, image and call of every service, and a foreach over the lists'
            // interfaces allocated an enumerator each time.
            for (var p = 0; p < Protocols.Count; p++)
            {
                var schemes = Protocols[p].Schemes;
                for (var i = 0; i < schemes.Count; i++)
                {
                    if (string.Equals(schemes[i], scheme, StringComparison.OrdinalIgnoreCase))
                    {
                        return Protocols[p];
                    }
                }
            }

            return null;
        }

        public static TcpProtocol? ByPort(int port)
        {
            for (var p = 0; p < Protocols.Count; p++)
            {
                if (Protocols[p].DefaultPort == port)
                {
                    return Protocols[p];
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

            for (var p = 0; p < Protocols.Count; p++)
            {
                var names = Protocols[p].ImageNames;
                for (var i = 0; i < names.Count; i++)
                {
                    if (NamesOrPrefixes(names[i], repository))
                    {
                        return Protocols[p];
                    }
                }
            }

            return null;
        }

        /// <summary>
        /// The repository is <paramref name="known"/>, or a variant of that server written with a dash after it
        /// ("postgresql-ha", "redis-stack-server", "mysql-server"). A variant that names a tool built around the server
        /// ("postgres-exporter", "mongo-express", "kafka-ui", "redis-commander") speaks HTTP, not the server's protocol:
        /// taking it for the server would make MESH301 call a correct "http" wrong.
        /// </summary>
        private static bool NamesOrPrefixes(string known, string repository)
        {
            if (!repository.StartsWith(known, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            if (repository.Length == known.Length)
            {
                return true;
            }

            if (repository[known.Length] != '-')
            {
                return false;
            }

            foreach (var word in repository.Substring(known.Length + 1).Split('-'))
            {
                if (HttpToolWords.Contains(word))
                {
                    return false;
                }
            }

            return true;
        }

        // The words that make "<server>-<word>" a web UI, REST API (kafka-connect serves one on 8083), metrics exporter or
        // operator rather than the server. Not "proxy": kafka-proxy and redis proxies speak their server's protocol.
        private static readonly HashSet<string> HttpToolWords = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "exporter", "express", "ui", "gui", "web", "commander", "console", "dashboard", "admin", "manager", "insight", "rest", "operator", "browser", "connect",
        };

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
