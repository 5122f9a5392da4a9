namespace MeshOps.Simulation.Kubernetes;

/// <summary>The requests a server received, shared between its request threads and the test reading them.</summary>
internal sealed class RequestLog
{
    private readonly Lock _gate = new();
    private readonly List<RecordedRequest> _requests = [];
    private string? _file;

    /// <summary>From now on, each request is also appended to <paramref name="file"/> as "METHOD path?query".</summary>
    public void AlsoWriteTo(string file)
    {
        lock (_gate)
        {
            _file = file;
            File.AppendAllText(file, string.Empty);
        }
    }

    public void Add(RecordedRequest request)
    {
        lock (_gate)
        {
            _requests.Add(request);
            if (_file is not null)
            {
                File.AppendAllText(_file, $"{request.Method} {request.Path}{(request.Query.Length == 0 ? string.Empty : "?" + request.Query)}\n");
            }
        }
    }

    public IReadOnlyList<RecordedRequest> Snapshot()
    {
        lock (_gate)
        {
            return [.. _requests];
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _requests.Clear();
        }
    }
}
