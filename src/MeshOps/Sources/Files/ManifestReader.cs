using System.Text;
using MeshOps.Sources.Files.Yaml;

namespace MeshOps.Sources.Files;

/// <summary>
/// One load call: reads sources one after another into a single result. Every failure becomes a
/// <see cref="LoadError"/> for its file, so one bad file never stops the others.
/// </summary>
internal sealed class ManifestReader
{
    private readonly LoaderOptions options;
    private readonly YamlDocumentReader documentReader;
    private readonly ResourceExtractor extractor;
    private readonly LoadResults results = new();

    public ManifestReader(LoaderOptions options)
    {
        this.options = options;
        documentReader = new YamlDocumentReader(YamlLimits.MaxDepth, options.MaxNodesPerDocument);
        extractor = new ResourceExtractor(new TypedModelMapper(options), new PositionTableBuilder(), new ContentDigest(), options.Namespace);
    }

    public List<LoadError> Errors => results.Errors;

    public ManifestSet ToManifestSet() => results.ToManifestSet();

    public void ReadFile(string file)
    {
        if (!BoundedFileReader.TryRead(file, options.MaxFileBytes, out var bytes, out var readError))
        {
            results.Errors.Add(readError!);
            return;
        }
        if (!SourceTextDecoder.TryDecode(bytes, file, out var text, out var decodeError))
        {
            results.Errors.Add(decodeError!);
            return;
        }
        ReadDocuments(text, file);
    }

    /// <summary>Leaves a whole file out, unread, for the reason given (a kustomize patch).</summary>
    public void Skip(string file, string reason) => results.Skipped.Add(new SkippedDocument(new SourceLocation(file, 1, 1), reason));

    public void ReadText(string text, string sourceName)
    {
        var byteCount = Encoding.UTF8.GetByteCount(text);
        if (byteCount > options.MaxFileBytes)
        {
            results.Errors.Add(new LoadError(LoadErrorIds.FileTooLarge, new SourceLocation(sourceName, 0, 0),
                $"The input is {byteCount:N0} bytes, more than the {options.MaxFileBytes:N0}-byte limit (LoaderOptions.MaxFileBytes); it was not read."));
            return;
        }
        ReadDocuments(text.StartsWith('\uFEFF') ? text[1..] : text, sourceName);
    }

    private void ReadDocuments(string text, string file)
    {
        foreach (var document in documentReader.Read(text))
        {
            if (document.Problem is { } problem)
            {
                results.Errors.Add(new LoadError(problem.ErrorId, new SourceLocation(file, problem.Line, problem.Column), problem.Message));
                continue;
            }
            var skipped = results.Skipped.Count;
            extractor.Extract(document, file, results);
            // A repeated key in a file that is not a manifest (another chart's values) is no concern of the mesh's.
            if (results.Skipped.Count > skipped)
                continue;
            foreach (var warning in document.Warnings ?? [])
                results.Warnings.Add(new LoadWarning(warning.WarningId, new SourceLocation(file, warning.Line, warning.Column), warning.Message));
        }
    }
}
