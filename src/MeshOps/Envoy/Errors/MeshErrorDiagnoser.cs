namespace MeshOps.Envoy.Errors;

/// <summary>Turns a line of Envoy output into a <see cref="MeshErrorDiagnosis"/>: parse, classify, look up the causes.</summary>
public static class MeshErrorDiagnoser
{
    /// <summary>The diagnosis of <paramref name="line"/>; null when it holds no Envoy failure.</summary>
    /// <param name="from">The calling service, when the user knows it (the line itself never names the caller).</param>
    public static MeshErrorDiagnosis? Diagnose(string line, string? from = null)
    {
        var parsed = EnvoyErrorLineParser.Parse(line);
        if (parsed is null)
        {
            return null;
        }

        var condition = FailureClassifier.Classify(parsed);
        var knowledge = MeshFailureKnowledge.For(condition);
        var to = CalledService(parsed);
        var shownTo = to ?? "<called service>";
        return new MeshErrorDiagnosis
        {
            Text = parsed.Text,
            Kind = parsed.Kind,
            ResponseCode = parsed.ResponseCode,
            ResponseFlags = parsed.ResponseFlags,
            ResponseCodeDetails = parsed.ResponseCodeDetails,
            ResetReason = parsed.ResetReason,
            Retried = parsed.Retried,
            TransportFailureReason = parsed.TransportFailureReason,
            SocketError = parsed.SocketError,
            TlsError = parsed.TlsError,
            UpstreamCluster = parsed.UpstreamCluster,
            UpstreamService = parsed.UpstreamService,
            UpstreamHost = parsed.UpstreamHost,
            Authority = parsed.Authority,
            Condition = condition,
            Meaning = knowledge.Meaning,
            LikelyCauses = knowledge.Causes
                .Select((c, i) => new LikelyCause(i + 1, c.Hop, c.Cause.Replace("{to}", shownTo, StringComparison.Ordinal), Check(c.Check, to)))
                .ToList(),
            NextCommand = $"Test-MeshPath -From {from ?? "<calling service>"} -To {shownTo}",
        };
    }

    // With the service unknown, "<pod of {to}>" would read "<pod of <service>>": one placeholder says it.
    private static string Check(string check, string? to) => to is null
        ? check.Replace("<pod of {to}>", "<pod>", StringComparison.Ordinal).Replace("{to}", "<service>", StringComparison.Ordinal)
        : check.Replace("{to}", to, StringComparison.Ordinal);

    /// <summary>
    /// The called service: the Consul service of the upstream cluster, else the first label of the request's authority
    /// (<c>products-api:9090</c>, <c>products-api.default.svc.cluster.local</c>) when it is a plain DNS label.
    /// </summary>
    private static string? CalledService(EnvoyErrorLine line)
    {
        if (line.UpstreamService is { } service)
        {
            return service;
        }

        if (line.Authority is not { } authority)
        {
            return null;
        }

        var host = authority.Split(':')[0].Split('.')[0];
        return host.Length is > 0 and <= 63 && host.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-') && !char.IsAsciiDigit(host[0])
            ? host
            : null;
    }
}
