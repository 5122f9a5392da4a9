using System.Globalization;
using MeshOps.Rules.Intentions;

namespace MeshOps.Intentions;

/// <summary>
/// The HTTP request an intention check judges: the parts the user described, and curl's defaults (GET, "/", no
/// headers) standing in for the parts left out. A stand-in is a guess, so a permission whose outcome turns on one
/// must not decide the check (<see cref="Undecided"/>).
/// </summary>
public sealed record DescribedRequest(HttpRequestAttributes Attributes, bool MethodGiven, bool PathGiven, bool HeadersGiven)
{
    /// <summary>
    /// The first permission, in the order Envoy tries them up to the one that decided, whose outcome turns on a part
    /// the user did not describe, with those parts ("method", "path", "headers"); null when the described parts decide.
    /// A permission whose described criteria already fail cannot match whatever the rest is, so it is no guess.
    /// </summary>
    /// <param name="decidedBy">The index of the permission the stand-ins matched; null when none did (all were tried).</param>
    internal UndecidedPermission? Undecided(IReadOnlyList<IntentionPermission> permissions, int? decidedBy)
    {
        ArgumentNullException.ThrowIfNull(permissions);
        var last = decidedBy ?? permissions.Count - 1;
        for (var i = 0; i <= last; i++)
        {
            if (permissions[i].Http is not { } http)
            {
                continue;
            }

            var unstated = Unstated(http);
            if (unstated.Count > 0 && HttpPermissionMatcher.Matches(Described(http), Attributes))
            {
                return new UndecidedPermission(i, unstated);
            }
        }

        return null;
    }

    /// <summary>"GET /coffees", with the parts that were not described marked as assumed.</summary>
    public override string ToString()
    {
        var assumed = new[] { MethodGiven ? null : "method", PathGiven ? null : "path" }.OfType<string>().ToList();
        return $"{Attributes.Method} {Attributes.Path}"
            + string.Concat(Attributes.Headers.Select(h => $" {h.Key}: {h.Value}"))
            + (assumed.Count == 0 ? "" : $" ({string.Join(" and ", assumed)} assumed)");
    }

    private List<string> Unstated(HttpPermission http)
    {
        var parts = new List<string>();
        if (!MethodGiven && http.Methods.Count > 0)
        {
            parts.Add("method");
        }

        if (!PathGiven && (http.PathExact ?? http.PathPrefix ?? http.PathRegex) is not null)
        {
            parts.Add("path");
        }

        if (!HeadersGiven && http.Headers.Count > 0)
        {
            parts.Add("headers");
        }

        return parts;
    }

    /// <summary>The permission's criteria on the described parts only, so the one matcher judges what is known.</summary>
    private HttpPermission Described(HttpPermission http) => http with
    {
        Methods = MethodGiven ? http.Methods : [],
        PathExact = PathGiven ? http.PathExact : null,
        PathPrefix = PathGiven ? http.PathPrefix : null,
        PathRegex = PathGiven ? http.PathRegex : null,
        Headers = HeadersGiven ? http.Headers : [],
    };
}

/// <summary>A permission whose outcome turns on request parts the user did not describe.</summary>
internal sealed record UndecidedPermission(int Index, IReadOnlyList<string> Parts)
{
    public override string ToString() =>
        $"permissions[{Index.ToString(CultureInfo.InvariantCulture)}] judges the request's {string.Join(" and ", Parts)}";
}
