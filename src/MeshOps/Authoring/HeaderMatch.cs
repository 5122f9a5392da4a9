using MeshOps.Consul;
using MeshOps.Rules.Intentions;

namespace MeshOps.Authoring;

/// <summary>
/// How one request header must look (<c>permissions[].http.header[]</c>): exactly one of Present, Exact, Prefix,
/// Suffix, Contains or Regex, optionally inverted or case-insensitive.
/// </summary>
public sealed class HeaderMatch
{
    private readonly ServiceIntentionsHeaderPermission value;

    internal HeaderMatch(string name)
    {
        value = new ServiceIntentionsHeaderPermission { Name = name };
    }

    /// <summary>The header is present, whatever its value.</summary>
    public HeaderMatch Present()
    {
        value.Present = true;
        return this;
    }

    /// <summary>The header's value is exactly <paramref name="text"/>.</summary>
    public HeaderMatch Exact(string text)
    {
        value.Exact = text;
        return this;
    }

    /// <summary>The header's value starts with <paramref name="text"/>.</summary>
    public HeaderMatch Prefix(string text)
    {
        value.Prefix = text;
        return this;
    }

    /// <summary>The header's value ends with <paramref name="text"/>.</summary>
    public HeaderMatch Suffix(string text)
    {
        value.Suffix = text;
        return this;
    }

    /// <summary>The header's value contains <paramref name="text"/>.</summary>
    public HeaderMatch Contains(string text)
    {
        value.Contains = text;
        return this;
    }

    /// <summary>The header's value matches an RE2 regular expression.</summary>
    public HeaderMatch Regex(string regex)
    {
        value.Regex = regex;
        return this;
    }

    /// <summary>Matches when the header does <em>not</em> match.</summary>
    public HeaderMatch Invert()
    {
        value.Invert = true;
        return this;
    }

    /// <summary>Compares Exact, Prefix, Suffix or Contains without regard to case.</summary>
    public HeaderMatch IgnoreCase()
    {
        value.IgnoreCase = true;
        return this;
    }

    internal ServiceIntentionsHeaderPermission Build(HttpRequestMatchCheck check)
    {
        var set = (value.Present == true ? 1 : 0) + new[] { value.Exact, value.Prefix, value.Suffix, value.Contains, value.Regex }.Count(v => v is not null);
        var textMatch = value is not { Exact: null, Prefix: null, Suffix: null, Contains: null };
        return check.Header(value.Name!, set, value.IgnoreCase == true, textMatch) is { } refused
            ? throw new InvalidOperationException(refused)
            : value;
    }
}
