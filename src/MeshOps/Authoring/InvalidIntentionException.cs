namespace MeshOps.Authoring;

/// <summary>
/// A ServiceIntentions the Consul server (or the consul-k8s webhook) would refuse, with the server's message
/// (agent/structs/config_entry_intentions.go, validate), e.g. <c>Sources[0].Action must be omitted if Permissions are specified</c>.
/// </summary>
public sealed class InvalidIntentionException : ArgumentException
{
    public InvalidIntentionException(string message)
        : base(message)
    {
    }

    public InvalidIntentionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>An SDK check's message as Consul words it: Consul names no C# parameter, which ArgumentException appends.</summary>
    internal static string ConsulText(Exception e) =>
        e is ArgumentException { ParamName: { } name } && e.Message.EndsWith($" (Parameter '{name}')", StringComparison.Ordinal)
            ? e.Message[..^$" (Parameter '{name}')".Length]
            : e.Message;
}
