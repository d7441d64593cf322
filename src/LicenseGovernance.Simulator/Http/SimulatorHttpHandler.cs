using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;

namespace LicenseGovernance.Simulator.Http
{
    /// <summary>Adapts HttpClient requests to the simulator pipeline, without any network.</summary>
    internal sealed class SimulatorHttpHandler : HttpMessageHandler
    {
        private readonly RequestPipeline _pipeline;

        public SimulatorHttpHandler(RequestPipeline pipeline)
        {
            _pipeline = pipeline;
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var headers = new Dictionary<string, string>();
            foreach (var header in request.Headers)
            {
                headers[header.Key] = string.Join(",", header.Value);
            }

            byte[]? body = null;
            if (request.Content != null)
            {
                foreach (var header in request.Content.Headers)
                {
                    headers[header.Key] = string.Join(",", header.Value);
                }

                body = await request.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
            }

            var response = await _pipeline.SendAsync(new SimRequest(request.Method.Method, request.RequestUri!, headers, body), cancellationToken).ConfigureAwait(false);
            var message = new HttpResponseMessage((HttpStatusCode)response.Status) { RequestMessage = request };
            if (response.Body != null)
            {
                message.Content = new ByteArrayContent(response.Body);
                message.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(response.ContentType == "text/plain" ? "text/plain; charset=utf-8" : response.ContentType!);
            }

            foreach (var header in response.Headers)
            {
                message.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }

            return message;
        }
    }
}
