// fixture-options: {"timeout": "2.5s"}
import axios from 'axios';

// ruleid: js-http-client-no-timeout
export const search = axios.create({ timeout: 2500, baseURL: 'http://search:9200' });
// ruleid: js-http-client-no-timeout
export const geo = axios.create({ timeout: 2500 });
// ok: js-http-client-no-timeout
export const tax = axios.create({ baseURL: 'http://tax:8080', timeout: 1500 });
