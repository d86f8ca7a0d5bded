import { render } from 'solid-js/web';
import App from './App';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('EZ360PM: #root element is missing from index.html');

render(() => <App />, root);
