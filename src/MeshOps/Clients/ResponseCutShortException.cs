namespace MeshOps.Clients;

/// <summary>The status and headers arrived but the body did not all arrive: an IOException, so it is retried.</summary>
internal sealed class ResponseCutShortException(long? promisedLength, Exception innerException)
    : IOException("The response body was cut short.", innerException)
{
    public long? PromisedLength { get; } = promisedLength;
}
