using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace LicenseGovernance.Engine.Journal
{
    /// <summary>
    /// The journal on disk: JSON lines, appended only. A "change" line is written before the tenant is touched and an
    /// "outcome" line after, so a change whose process died shows as Unknown rather than vanishing. Several processes
    /// (a console and a runbook worker) may append to one file: each append holds <see cref="JournalLock"/>, starts on a
    /// fresh line (a line cut short by a crash stays a fragment of its own) and writes whole lines.
    /// </summary>
    internal sealed class JournalFile
    {
        internal static readonly JsonSerializerOptions SerializerOptions = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        };

        private const byte NewLine = (byte)'\n';

        /// <summary>Strict, so that bytes that are not UTF-8 make their line unreadable rather than quietly different.</summary>
        private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

        private readonly TimeSpan _lockTimeout;

        public JournalFile(string path)
            : this(path, JournalLock.DefaultTimeout)
        {
        }

        internal JournalFile(string path, TimeSpan lockTimeout)
        {
            Path = path;
            _lockTimeout = lockTimeout;
        }

        public string Path { get; }

        /// <summary>Appends the lines in one write; throws the catalogue's JournalWriteFailed when the file cannot take them.</summary>
        public void Append(IEnumerable<JsonObject> lines)
        {
            var text = new StringBuilder();
            foreach (var line in lines)
            {
                text.Append(line.ToJsonString()).Append('\n');
            }

            if (text.Length == 0)
            {
                return;
            }

            try
            {
                CreateDirectory();
                using (JournalLock.Acquire(Path, _lockTimeout))
                {
                    AppendOnFreshLine(Utf8.GetBytes(text.ToString()));
                }
            }
            catch (Exception ex) when (IsFileFailure(ex))
            {
                throw Errors.JournalWriteFailed(Path, ex.Message, ex).ToException();
            }
        }

        /// <summary>
        /// Why the journal could never be written, or null when it can: for Connect-LicenseGovernance, before anything is
        /// connected. Creates the folder and the lock file, as the first append would, and opens an existing journal for
        /// writing without changing it; it never creates or deletes the journal itself.
        /// </summary>
        public string? Unwritable()
        {
            try
            {
                if (Directory.Exists(Path))
                {
                    return "it is a folder; name a file, for example " + System.IO.Path.Combine(Path, "journal.jsonl");
                }

                CreateDirectory();
                using (JournalLock.Acquire(Path, _lockTimeout))
                {
                    if (File.Exists(Path))
                    {
                        new FileStream(Path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete).Dispose();
                    }
                }

                return null;
            }
            catch (Exception ex) when (IsFileFailure(ex))
            {
                return ex.Message;
            }
        }

        /// <summary>Reads every change with its outcome and reversal, in the order recorded. Lines it cannot read are counted in <paramref name="unreadable"/>.</summary>
        public IReadOnlyList<JournalEntry> Load(out int unreadable)
        {
            var contents = Read();
            unreadable = contents.Unreadable;
            return contents.Entries;
        }

        /// <summary>
        /// Reads the journal as it is when the read starts (lines appended meanwhile are left for the next read). No journal
        /// yet reads as empty; a folder, a device or a file that cannot be read throws the catalogue's JournalReadFailed.
        /// </summary>
        /// <param name="keep">Only the changes it accepts are kept (see <see cref="JournalReader.Read"/>); all when null.</param>
        public JournalContents Read(Func<JournalEntry, bool>? keep = null)
        {
            try
            {
                if (Directory.Exists(Path))
                {
                    throw Errors.JournalReadFailed(Path, "it is a folder, not a journal file.").ToException();
                }

                if (!File.Exists(Path))
                {
                    return new JournalContents(Array.Empty<JournalEntry>(), 0, 0);
                }

                using var stream = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                var length = stream.Length;
                if (length == 0 && stream.ReadByte() >= 0)
                {
                    // A regular file has the length it reads; a device such as /dev/zero reads on without end.
                    throw Errors.JournalReadFailed(Path, "it is not a regular file.").ToException();
                }

                return JournalReader.Read(Lines(stream, length), keep);
            }
            catch (Exception ex) when (IsFileFailure(ex))
            {
                throw Errors.JournalReadFailed(Path, ex.Message, ex).ToException();
            }
        }

        private void CreateDirectory()
        {
            var directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path));
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }
        }

        /// <summary>Under the lock: a last line without its newline (a crash mid-write) is ended first, so the new lines stay whole.</summary>
        private void AppendOnFreshLine(byte[] lines)
        {
            using var stream = new FileStream(Path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete);
            var end = stream.Length;
            var prefix = 0;
            if (end > 0)
            {
                stream.Position = end - 1;
                prefix = stream.ReadByte() == NewLine ? 0 : 1;
            }

            var bytes = new byte[prefix + lines.Length];
            if (prefix == 1)
            {
                bytes[0] = NewLine;
            }

            lines.CopyTo(bytes, prefix);
            stream.Position = end;
            stream.Write(bytes, 0, bytes.Length);
            stream.Flush(flushToDisk: true);
            if (stream.Length < end + bytes.Length)
            {
                // /dev/null and the like take every write and keep none of it.
                throw new IOException("it does not keep what is written to it (it is not a regular file)");
            }
        }

        /// <summary>The first <paramref name="length"/> bytes as numbered lines; a line that is not UTF-8 comes as null.</summary>
        private static IEnumerable<(long Number, string? Text)> Lines(Stream stream, long length)
        {
            var buffer = new byte[64 * 1024];
            var line = new MemoryStream();
            var number = 0L;
            var remaining = length;
            int read;
            while (remaining > 0 && (read = stream.Read(buffer, 0, (int)Math.Min(buffer.Length, remaining))) > 0)
            {
                remaining -= read;
                var start = 0;
                int newLine;
                while ((newLine = Array.IndexOf(buffer, NewLine, start, read - start)) >= 0)
                {
                    line.Write(buffer, start, newLine - start);
                    yield return (++number, Decode(line));
                    line.SetLength(0);
                    start = newLine + 1;
                }

                line.Write(buffer, start, read - start);
            }

            if (line.Length > 0)
            {
                yield return (++number, Decode(line));
            }
        }

        private static string? Decode(MemoryStream line)
        {
            try
            {
                // A file saved by an editor may start with a byte order mark and end its lines with CR LF.
                return Utf8.GetString(line.GetBuffer(), 0, (int)line.Length).TrimStart('\uFEFF').TrimEnd('\r');
            }
            catch (DecoderFallbackException)
            {
                return null;
            }
        }

        private static bool IsFileFailure(Exception ex) =>
            ex is IOException || ex is UnauthorizedAccessException || ex is NotSupportedException || ex is ArgumentException || ex is System.Security.SecurityException;
    }
}
