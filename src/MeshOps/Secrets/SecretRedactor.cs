using System.Buffers;
using System.Text.RegularExpressions;

namespace MeshOps.Secrets;

/// <summary>
/// Finds and masks credentials in configuration text, so that nothing MeshOps prints or returns repeats a password.
/// Every excerpt produced by discovery has gone through <see cref="Redact"/>.
/// </summary>
public static partial class SecretRedactor
{
    public const string Mask = "***";

    // Keys that merely point at a secret (a file, a Secret's name, an endpoint) rather than hold one.
    private static readonly string[] ReferenceSuffixes =
        ["name", "ref", "file", "path", "dir", "endpoint", "url", "uri", "type", "mode", "length", "ttl"];

    /// <summary>The text with every credential value replaced by <see cref="Mask"/>.</summary>
    public static string Redact(string text)
    {
        var hits = FindCredentials(text);
        if (hits.Count == 0)
        {
            return text;
        }

        var builder = new System.Text.StringBuilder(text.Length);
        var position = 0;
        foreach (var hit in hits)
        {
            builder.Append(text, position, hit.Index - position).Append(Mask);
            position = hit.Index + hit.Length;
        }

        return builder.Append(text, position, text.Length - position).ToString();
    }

    /// <summary>Every credential in the text, in order of position, without overlaps.</summary>
    public static IReadOnlyList<CredentialHit> FindCredentials(string text)
    {
        if (!MightHoldCredential(text))
        {
            return [];
        }

        var hits = new List<CredentialHit>();
        foreach (Match match in UrlPassword().Matches(text))
        {
            Add(hits, match, match.Groups["scheme"].Value + "://", CredentialKind.UrlPassword);
        }

        foreach (Match match in AuthorizationHeader().Matches(text))
        {
            Add(hits, match, "Authorization", CredentialKind.AuthorizationHeader);
        }

        foreach (Match match in BearerToken().Matches(text))
        {
            Add(hits, match, "Bearer", CredentialKind.BearerToken);
        }

        foreach (Match match in SpacedFlag().Matches(text))
        {
            var key = match.Groups["key"].Value;
            if (IsCredentialName(key) && !IsReferenceOrMasked(key, match.Groups["secret"].Value))
            {
                Add(hits, match, key, CredentialKind.KeyValue);
            }
        }

        foreach (Match match in KeyValue().Matches(text))
        {
            var key = FullKey(text, match);
            var value = match.Groups["secret"].Value;
            if (key is not null && IsCredentialName(key) && !IsReferenceOrMasked(key, value))
            {
                Add(hits, match, key, CredentialKind.KeyValue);
            }
        }

        hits.Sort((a, b) => a.Index.CompareTo(b.Index));
        return hits;
    }

    /// <summary>
    /// True when a variable or key name says it holds a secret (POSTGRES_PASSWORD, api_key, token), and not merely
    /// where one is (POSTGRES_PASSWORD_FILE, secretName).
    /// </summary>
    public static bool IsCredentialName(string name)
    {
        if (!CredentialKey().IsMatch(name) && !EndsWithPassWord(name))
        {
            return false;
        }

        var lower = name.ToLowerInvariant();
        return !ReferenceSuffixes.Any(suffix => lower.EndsWith(suffix, StringComparison.Ordinal))
            // A Kubernetes pod and ServiceAccount field, true or false: masking it made MESH402's fix read
            // "Remove automountServiceAccountToken: *** from ...".
            && !lower.Equals("automountserviceaccounttoken", StringComparison.Ordinal);
    }

    // The regex starts at the secret word so the engine can search for it cheaply; the rest of the key name
    // (POSTGRES_ before PASSWORD) is read backwards here, up to a bounded length so a long blob is not a key.
    private static string? FullKey(string text, Match match)
    {
        const int maxPrefix = 40;
        var start = match.Index;
        while (start > 0 && match.Index - start <= maxPrefix && IsKeyChar(text[start - 1]))
        {
            start--;
        }

        if (start > 0 && IsKeyChar(text[start - 1]))
        {
            return null;
        }

        return text[start..match.Index] + match.Groups["key"].Value;
    }

    // "pass" is a credential only as the key's last word (DB_PASS, redis.pass, dbPass, MYSQL_PASS): as a part of
    // a word or before another one it names something else (passthrough, bypass, pass-through, PASS_THRU).
    private static bool EndsWithPassWord(string name)
    {
        if (name.Length < 4 || !name.EndsWith("pass", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var start = name.Length - 4;
        if (start == 0)
        {
            return true;
        }

        var before = name[start - 1];
        return before is '_' or '-' or '.' || (char.IsAsciiLetterUpper(name[start]) && char.IsAsciiLetterLower(before));
    }

    private static bool IsKeyChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-';

    private static bool IsReferenceOrMasked(string key, string value) =>
        value == Mask
        || value.StartsWith("$(", StringComparison.Ordinal)
        || value.StartsWith("${", StringComparison.Ordinal)
        || value.Contains("://", StringComparison.Ordinal)
        // PWD is also the shell's working directory.
        || (key.Equals("pwd", StringComparison.OrdinalIgnoreCase) && value.StartsWith('/'));

    private static void Add(List<CredentialHit> hits, Match match, string key, CredentialKind kind)
    {
        var secret = match.Groups["secret"];
        if (secret.Length == 0 || secret.Value == Mask || hits.Any(h => secret.Index < h.Index + h.Length && h.Index < secret.Index + secret.Length))
        {
            return;
        }

        hits.Add(new CredentialHit(key, kind, secret.Index, secret.Length));
    }

    // Every form needs '@' (URL userinfo) or one of these words; most values have neither, and this search is vectorised.
    private static readonly SearchValues<string> SecretWords = SearchValues.Create(
        ["pass", "pwd", "secret", "token", "key", "credential", "authorization", "bearer"],
        StringComparison.OrdinalIgnoreCase);

    /// <summary>False when no credential form can be in the text, so <see cref="Redact"/> would return it unchanged.</summary>
    internal static bool MightHoldCredential(ReadOnlySpan<char> text) =>
        text.Contains('@') || text.IndexOfAny(SecretWords) >= 0;

    // Bounded scheme length, as in EndpointSyntax, keeps long letter runs from making the scan quadratic.
    // The password runs to the last '@' before the path, as the host does in EndpointSyntax: a raw '@' is part of it.
    [GeneratedRegex(@"\b(?<scheme>[A-Za-z][A-Za-z0-9+.\-]{0,31})://[^\s:/@""']*:(?<secret>[^\s/""']+)@", RegexOptions.CultureInvariant)]
    private static partial Regex UrlPassword();

    [GeneratedRegex(@"\bAuthorization[""']?\s*[:=]\s*[""']?(?:(?:Bearer|Basic|Token|Digest)\s+)?(?<secret>[^\s""',;]+)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex AuthorizationHeader();

    // A bare token after the scheme word, in any case ("--header=bearer abc..."): HTTP schemes are case-insensitive.
    // Eight characters or more, so that prose ("a bearer token") is not masked.
    [GeneratedRegex(@"\bBearer\s+(?<secret>[A-Za-z0-9\-._~+/]{8,}=*)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex BearerToken();

    // A command-line flag whose value is the next word: "--token abc", "--consul-token abc", "-password abc".
    [GeneratedRegex(@"(?<![^\s""'])--?(?<key>[A-Za-z0-9_.\-]{0,40}(?:password|passwd|pass|secret|token|api[_\-]?key|access[_\-]?key|credentials?))\s+(?<secret>[^\s""'\-][^\s""']*)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex SpacedFlag();

    [GeneratedRegex(@"(?<key>(?:password|passwd|pass|pwd|secret|token|api[_\-]?key|access[_\-]?key|private[_\-]?key|credentials?)[A-Za-z0-9_.\-]{0,40})[""']?\s*[=:]\s*(?:'(?<secret>[^']*)'|""(?<secret>[^""]*)""|(?<secret>[^\s""'&;,}]+))", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex KeyValue();

    [GeneratedRegex(@"^[A-Za-z0-9_.\-]*(?:password|passwd|pwd|secret|token|api[_\-]?key|access[_\-]?key|private[_\-]?key|credentials?)[A-Za-z0-9_.\-]*$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex CredentialKey();
}
