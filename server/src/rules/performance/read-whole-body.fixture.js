const fs = require('node:fs');


function download(req, res) {
  // ruleid: read-whole-body
  res.send(fs.readFileSync(`exports/${req.params.id}.csv`));
}

async function attachment(req, res) {
  // ruleid: read-whole-body
  const data = await fs.promises.readFile(req.query.path);
  res.end(data);
}

function invoice(req, res) {
  // ruleid: read-whole-body
  fs.readFile('invoices/' + req.params.id + '.pdf', (err, data) => (err ? res.status(404).end() : res.end(data)));
}

function downloadStream(req, res) {
  // ok: read-whole-body
  fs.createReadStream(`exports/${req.params.id}.csv`).pipe(res);
}

function template() {
  // ok: read-whole-body
  return fs.readFileSync('templates/index.html', 'utf8');
}

function logo(_req, res) {
  // ok: read-whole-body
  res.end(fs.readFileSync(LOGO_PATH));
}

const LOGO_PATH = 'static/logo.png';
module.exports = { download, attachment, invoice, downloadStream, template, logo };
