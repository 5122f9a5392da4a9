namespace MeshOps.Clients.Consul;

/// <summary>A Consul setting cannot be used (an address that is not one, a token file that cannot be read); the message names the setting.</summary>
public sealed class ConsulSettingsException : Exception
{
    public ConsulSettingsException(string message, Exception? innerException = null)
        : base(Secrets.OutputText.Clean(message), innerException)
    {
    }
}
