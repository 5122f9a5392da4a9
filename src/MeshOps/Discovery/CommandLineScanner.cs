using System.Text.RegularExpressions;

namespace MeshOps.Discovery;

/// <summary>Endpoints and listen addresses in a container's command and args.</summary>
public static partial class CommandLineScanner
{
    /// <summary>
    /// Reads <c>--flag=value</c>, <c>--flag value</c> and bare URL arguments, and postgres' <c>-c listen_addresses=…</c>
    /// / <c>-c port=…</c> settings, which bind on 5432 unless a port setting says otherwise.
    /// </summary>
    public static DiscoveryResult Scan(IReadOnlyList<string> args)
    {
        var collector = new DiscoveryCollector();
        string? listenAddresses = null;
        string? listenExcerpt = null;
        var postgresPort = ConnectionStrings.PostgresDefaultPort;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i].Trim();
            string? setting = null;
            if (arg == "-c" && i + 1 < args.Count)
            {
                setting = args[++i].Trim();
            }
            else if (arg.StartsWith("-c", StringComparison.Ordinal) && arg.Length > 2 && !arg.StartsWith("--", StringComparison.Ordinal))
            {
                setting = arg[2..].Trim();
            }

            if (setting is not null)
            {
                var postgres = PostgresSetting().Match(setting);
                if (!postgres.Success)
                {
                    // "sh -c '<script>'": the script may still name URLs.
                    collector.AddKeyValue(null, setting, EndpointOrigin.CommandArgument, EndpointOrigin.CommandArgument);
                }
                else if (postgres.Groups["name"].Value == "port")
                {
                    EndpointSyntax.TryParsePort(postgres.Groups["value"].Value, out postgresPort);
                }
                else
                {
                    listenAddresses = postgres.Groups["value"].Value;
                    listenExcerpt = "-c " + setting;
                }

                continue;
            }

            if (!arg.StartsWith('-'))
            {
                collector.AddKeyValue(null, arg, EndpointOrigin.CommandArgument, EndpointOrigin.CommandArgument);
                continue;
            }

            var equals = arg.IndexOf('=');
            if (equals > 0)
            {
                collector.AddKeyValue(arg[..equals].TrimStart('-'), arg[(equals + 1)..], EndpointOrigin.CommandArgument, EndpointOrigin.CommandArgument);
            }
            else if (i + 1 < args.Count && !args[i + 1].StartsWith('-'))
            {
                collector.AddKeyValue(arg.TrimStart('-'), args[++i], EndpointOrigin.CommandArgument, EndpointOrigin.CommandArgument);
            }
        }

        if (listenAddresses is not null)
        {
            AddPostgresBinds(collector, listenAddresses, postgresPort == 0 ? ConnectionStrings.PostgresDefaultPort : postgresPort, listenExcerpt!);
        }

        var result = collector.ToResult();
        return CurlMethod(args) is { } method
            ? result with { Endpoints = result.Endpoints.Select(e => e.Path is null ? e : e with { Method = method }).ToList() }
            : result;
    }

    /// <summary>
    /// The method a curl command states with <c>-X METHOD</c>, <c>-XMETHOD</c> or <c>--request METHOD</c>; curl sends it
    /// for every URL of the command. Null for other commands, and when curl picks the method itself (GET, or POST
    /// with data), which depends on flags not read here.
    /// </summary>
    private static string? CurlMethod(IReadOnlyList<string> args)
    {
        if (args.Count == 0 || !string.Equals(System.IO.Path.GetFileName(args[0].Trim()), "curl", StringComparison.Ordinal))
        {
            return null;
        }

        string? method = null;
        for (var i = 1; i < args.Count; i++)
        {
            var arg = args[i].Trim();
            if ((arg == "-X" || arg == "--request") && i + 1 < args.Count)
            {
                method = args[++i].Trim();
            }
            else if (arg.StartsWith("-X", StringComparison.Ordinal) && arg.Length > 2)
            {
                method = arg[2..];
            }
        }

        return method is { Length: > 0 } ? method.ToUpperInvariant() : null;
    }

    // postgres listen_addresses is a comma list of hosts; "*" means every interface and "" means Unix sockets only.
    private static void AddPostgresBinds(DiscoveryCollector collector, string addresses, int port, string excerpt)
    {
        foreach (var address in addresses.Trim('\'', '"').Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var host = LoopbackHosts.IsAllInterfaces(address) ? null : address;
            collector.AddBind(new BindAddress(host, port, excerpt) { Key = "listen_addresses" });
        }
    }

    [GeneratedRegex(@"^(?<name>listen_addresses|port)\s*=\s*(?<value>.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex PostgresSetting();
}
