namespace MeshOps.Clients.Consul;

/// <summary>
/// An ACL token, held so that it cannot be printed: ToString, PowerShell's formatting and a debugger's display all show
/// "***". Only the client reads the value, to put it in the X-Consul-Token header.
/// </summary>
public sealed class ConsulToken
{
    private readonly string _value;

    public ConsulToken(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        _value = value.Trim();
    }

    internal string Reveal() => _value;

    public override string ToString() => Secrets.SecretRedactor.Mask;
}
