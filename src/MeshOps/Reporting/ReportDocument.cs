using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml;
using MeshOps.Analysis;

namespace MeshOps.Reporting;

/// <summary>A report document as text, and as a file written whole or not at all.</summary>
public static class ReportDocument
{
    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        // A file, not HTML: quotes and '<' in messages stay readable (\u003C helps no reader of a SARIF viewer).
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Render(ReportFormat format, AnalysisReport report, ReportContext context, bool allowEmpty = false) => format switch
    {
        ReportFormat.Sarif => Json(SarifDocument.Build(report, context)),
        ReportFormat.Json => Json(FindingsJsonDocument.Build(report, context, allowEmpty)),
        ReportFormat.JUnit => Xml(report, context),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };

    /// <summary>
    /// The format a file name asks for (.sarif, .xml, .json), or null. ".sarif.json" is SARIF, as GitHub's upload
    /// action and the SARIF viewers name it.
    /// </summary>
    public static ReportFormat? FormatOf(string path)
    {
        var name = Path.GetFileName(path);
        return name.EndsWith(".sarif", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".sarif.json", StringComparison.OrdinalIgnoreCase) ? ReportFormat.Sarif
            : name.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) ? ReportFormat.JUnit
            : name.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? ReportFormat.Json
            : null;
    }

    /// <summary>
    /// Writes the text through a temporary file beside the target, so a reader (a CI upload step) never sees half a
    /// document and a failed write leaves the previous file as it was.
    /// </summary>
    /// <exception cref="IOException">The folder does not exist or cannot be written.</exception>
    /// <exception cref="UnauthorizedAccessException">The file or folder may not be written.</exception>
    public static void WriteFile(string path, string text)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var temporary = Path.Combine(folder, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            File.WriteAllText(temporary, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    private static string Json(JsonNode node) => node.ToJsonString(Indented) + "\n";

    private static string Xml(AnalysisReport report, ReportContext context)
    {
        var settings = new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false), NewLineChars = "\n" };
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, settings))
        {
            JUnitDocument.Build(report, context).Save(writer);
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }
}
