using System.Globalization;

namespace MeshOps.Clients.Consul;

/// <summary>
/// The Consul server to talk to and how, resolved as the consul CLI resolves it (hashicorp/consul api/api.go
/// DefaultConfig and NewClient): CONSUL_HTTP_ADDR (default 127.0.0.1:8500; a scheme in it wins over CONSUL_HTTP_SSL),
/// CONSUL_HTTP_TOKEN_FILE over CONSUL_HTTP_TOKEN, CONSUL_CACERT, CONSUL_HTTP_SSL_VERIFY, CONSUL_NAMESPACE and
/// CONSUL_PARTITION; explicit options override each variable. ToString never shows the token.
/// </summary>
public sealed class ConsulSettings
{
    public const string AddressVariable = "CONSUL_HTTP_ADDR";
    public const string TokenVariable = "CONSUL_HTTP_TOKEN";
    public const string TokenFileVariable = "CONSUL_HTTP_TOKEN_FILE";
    public const string CaCertVariable = "CONSUL_CACERT";
    public const string SslVariable = "CONSUL_HTTP_SSL";
    public const string SslVerifyVariable = "CONSUL_HTTP_SSL_VERIFY";
    public const string NamespaceVariable = "CONSUL_NAMESPACE";
    public const string PartitionVariable = "CONSUL_PARTITION";
    private const string DefaultAddress = "127.0.0.1:8500";

    private ConsulSettings(Uri baseAddress, ConsulSettingSource addressSource, ConsulToken? token, string? tokenSource, string? caCertFile, bool verifyTls, string? ns, string? partition)
    {
        BaseAddress = baseAddress;
        AddressSource = addressSource;
        Token = token;
        TokenSource = tokenSource;
        CaCertFile = caCertFile;
        VerifyTls = verifyTls;
        Namespace = ns;
        Partition = partition;
    }

    /// <summary>scheme://host:port/ of the server.</summary>
    public Uri BaseAddress { get; }

    public ConsulSettingSource AddressSource { get; }

    /// <summary>Whether a token is sent; the token itself is not public.</summary>
    public bool HasToken => Token is not null;

    /// <summary>Where the token came from ("from CONSUL_HTTP_TOKEN", "from CONSUL_HTTP_TOKEN_FILE /path", "given explicitly"), for errors about it.</summary>
    public string? TokenSource { get; }

    public string? CaCertFile { get; }

    public bool VerifyTls { get; }

    public string? Namespace { get; }

    public string? Partition { get; }

    internal ConsulToken? Token { get; }

    /// <summary>Reads the settings from <paramref name="options"/> over the process environment (or <paramref name="environment"/>).</summary>
    public static ConsulSettings Resolve(ConsulClientOptions? options = null, Func<string, string?>? environment = null)
    {
        options ??= new ConsulClientOptions();
        environment ??= Environment.GetEnvironmentVariable;
        string? Env(string name) => environment(name) is { Length: > 0 } value ? value : null;

        var (address, addressSource) = options.Address is { Length: > 0 } given
            ? (given, ConsulSettingSource.Explicit)
            : Env(AddressVariable) is { } fromEnv ? (fromEnv, ConsulSettingSource.Environment) : (DefaultAddress, ConsulSettingSource.Default);
        var useTls = options.UseTls ?? (Env(SslVariable) is { } ssl && ParseBool(SslVariable, ssl));
        var verify = options.VerifyTls ?? (Env(SslVerifyVariable) is not { } sslVerify || ParseBool(SslVerifyVariable, sslVerify));
        var (token, tokenSource) = ResolveToken(options, Env);
        return new ConsulSettings(
            ParseAddress(address, addressSource, useTls), addressSource, token, tokenSource,
            options.CaCertFile ?? Env(CaCertVariable), verify,
            options.Namespace ?? Env(NamespaceVariable), options.Partition ?? Env(PartitionVariable));
    }

    /// <summary>Where the address came from: "from CONSUL_HTTP_ADDR", "the default, as CONSUL_HTTP_ADDR is not set", "given explicitly".</summary>
    public string AddressOrigin => AddressSource switch
    {
        ConsulSettingSource.Environment => $"from {AddressVariable}",
        ConsulSettingSource.Default => $"the default, as {AddressVariable} is not set",
        _ => "given explicitly",
    };

    /// <summary>"http://127.0.0.1:8500/ (from CONSUL_HTTP_ADDR), token from CONSUL_HTTP_TOKEN": enough to know what was used, never the token.</summary>
    public override string ToString() => $"{BaseAddress} ({AddressOrigin}), {(HasToken ? "token " + TokenSource : "no token")}";

    private static (ConsulToken? Token, string? Source) ResolveToken(ConsulClientOptions options, Func<string, string?> env)
    {
        if (options.Token is not null)
        {
            return (options.Token, "given explicitly");
        }

        if (options.TokenFile is { Length: > 0 } file)
        {
            return ReadTokenFile(file, "the token file given explicitly");
        }

        // As api.NewClient: a token file wins over a token, and an empty file leaves the token as it was.
        if (env(TokenFileVariable) is { } envFile && ReadTokenFile(envFile, TokenFileVariable) is { Token: not null } fromFile)
        {
            return fromFile;
        }

        return env(TokenVariable) is { } token && !string.IsNullOrWhiteSpace(token) ? (new ConsulToken(token), "from " + TokenVariable) : (null, null);
    }

    private static (ConsulToken? Token, string? Source) ReadTokenFile(string path, string setting)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new ConsulSettingsException($"Cannot read the Consul token file {path} ({setting}): {e.Message} Point {TokenFileVariable} at a readable file holding the ACL token, or set {TokenVariable}.", e);
        }

        return string.IsNullOrWhiteSpace(text) ? (null, null) : (new ConsulToken(text), $"from {setting} ({path})");
    }

    private static Uri ParseAddress(string address, ConsulSettingSource source, bool useTls)
    {
        var setting = source == ConsulSettingSource.Environment ? AddressVariable : "the Consul address";
        var scheme = useTls ? "https" : "http";
        var hostPort = address.Trim();
        var separator = hostPort.IndexOf("://", StringComparison.Ordinal);
        if (separator >= 0)
        {
            scheme = hostPort[..separator].ToLowerInvariant();
            hostPort = hostPort[(separator + 3)..];
            if (scheme is not ("http" or "https"))
            {
                throw new ConsulSettingsException(scheme == "unix"
                    ? $"{setting} names a unix socket ({address}); MeshOps reaches Consul over HTTP only. Set {AddressVariable} to host:port."
                    : $"{setting} has the scheme '{scheme}' ({address}); use host:port, http://host:port or https://host:port.");
            }
        }

        if (!Uri.TryCreate($"{scheme}://{hostPort.TrimEnd('/')}/", UriKind.Absolute, out var uri) || uri.AbsolutePath != "/" || uri.Query.Length > 0 || string.IsNullOrEmpty(uri.Host))
        {
            throw new ConsulSettingsException($"{setting} is not an address: '{address}'. Use host:port (127.0.0.1:8500), http://host:port or https://host:port.");
        }

        return uri;
    }

    // Go's strconv.ParseBool, which the consul CLI uses for these variables.
    private static bool ParseBool(string variable, string value) => value switch
    {
        "1" or "t" or "T" or "TRUE" or "true" or "True" => true,
        "0" or "f" or "F" or "FALSE" or "false" or "False" => false,
        _ => throw new ConsulSettingsException(string.Create(CultureInfo.InvariantCulture, $"{variable} is '{value}', which is not a boolean; use true or false.")),
    };
}
