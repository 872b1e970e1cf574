// The studio's strings join the catalogues when its chunk loads (every studio module imports deploy.ts,
// which imports this), so the agents' first page does not carry them.
import { addMessages } from '../i18n';
import { studioEn } from '../i18n/studio.en';
import { studioZhCN } from '../i18n/studio.zh-CN';

addMessages('en', studioEn);
addMessages('zh-CN', studioZhCN);
