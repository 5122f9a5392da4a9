namespace MeshOps.Sources.Files.Yaml;

/// <summary>Something the reader accepted as kubectl does but the author should hear about; becomes a <see cref="LoadWarning"/>.</summary>
internal sealed record DocumentWarning(string WarningId, int Line, int Column, string Message);
